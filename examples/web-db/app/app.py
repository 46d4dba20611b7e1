#!/usr/bin/env python3
"""web-db: a page that counts hits in Redis and keeps every visit as a row in Postgres.

Standard library only, so its image (app/Dockerfile) is the python image plus this file, with no
pip install step: a small client of Redis's RESP protocol and a small client of the Postgres
wire protocol (v3, simple queries, SCRAM-SHA-256 / MD5 / cleartext login). Every request opens
fresh connections, so after a database restart the next request simply works again.
"""
import base64
import hashlib
import hmac
import html
import json
import os
import secrets
import signal
import socket
import struct
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DB = {
    "host": os.environ.get("DB_HOST", "db"),
    "port": int(os.environ.get("DB_PORT", "5432")),
    "user": os.environ.get("DB_USER", "postgres"),
    "password": os.environ.get("DB_PASSWORD", ""),
    "database": os.environ.get("DB_NAME", "postgres"),
}
REDIS = (os.environ.get("REDIS_HOST", "cache"), int(os.environ.get("REDIS_PORT", "6379")))
TIMEOUT = 3.0  # seconds for every connect and read: a dead backend gives a 503, not a hung page
HOSTNAME = socket.gethostname()


# --- Redis -------------------------------------------------------------------------------------

def resp_encode(*args):
    """A command as a RESP array of bulk strings."""
    out = [b"*%d\r\n" % len(args)]
    for arg in args:
        data = arg if isinstance(arg, bytes) else str(arg).encode()
        out.append(b"$%d\r\n%s\r\n" % (len(data), data))
    return b"".join(out)


def resp_read(f):
    """One RESP reply from a binary file object."""
    line = f.readline()
    if not line.endswith(b"\r\n"):
        raise ConnectionError("redis closed the connection")
    kind, rest = line[:1], line[1:-2]
    if kind == b"+":
        return rest.decode()
    if kind == b"-":
        raise RuntimeError("redis: " + rest.decode())
    if kind == b":":
        return int(rest)
    if kind == b"$":
        size = int(rest)
        return None if size < 0 else f.read(size + 2)[:-2]
    if kind == b"*":
        size = int(rest)
        return None if size < 0 else [resp_read(f) for _ in range(size)]
    raise ConnectionError("unexpected redis reply %r" % line)


def redis(*args):
    with socket.create_connection(REDIS, timeout=TIMEOUT) as s, s.makefile("rb") as f:
        s.sendall(resp_encode(*args))
        return resp_read(f)


# --- Postgres ----------------------------------------------------------------------------------

class PgError(Exception):
    pass


def scram_proof(password, salt, iterations, auth_message):
    """SCRAM-SHA-256 (RFC 5802, RFC 7677): the client's proof and the signature the server owes us."""
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    client_signature = hmac.new(stored_key, auth_message.encode(), "sha256").digest()
    proof = bytes(a ^ b for a, b in zip(client_key, client_signature))
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()
    server_signature = hmac.new(server_key, auth_message.encode(), "sha256").digest()
    return base64.b64encode(proof).decode(), base64.b64encode(server_signature).decode()


def error_text(body):
    fields = {part[:1]: part[1:].decode(errors="replace") for part in body.split(b"\0") if part}
    return "%s: %s" % (fields.get(b"S", "ERROR"), fields.get(b"M", "unknown error"))


def literal(text):
    """A SQL string literal (standard_conforming_strings is on: only quotes need doubling)."""
    if "\0" in text:
        raise ValueError("NUL in SQL literal")
    return "'" + text.replace("'", "''") + "'"


class Pg:
    """One connection; query() runs simple-protocol SQL and returns rows as lists of str/None."""

    def __init__(self, host, port, user, password, database):
        self.user, self.password = user, password
        self.sock = socket.create_connection((host, port), timeout=TIMEOUT)
        self.f = self.sock.makefile("rb")
        params = b"".join(k.encode() + b"\0" + v.encode() + b"\0"
                          for k, v in (("user", user), ("database", database), ("application_name", "web-db")))
        params += b"\0"
        self.sock.sendall(struct.pack("!ii", 8 + len(params), 196608) + params)  # protocol 3.0
        self._login()
        while True:  # parameter status and key data until ReadyForQuery
            kind, body = self._read()
            if kind == b"E":  # e.g. the database does not exist (checked after the login)
                raise PgError(error_text(body))
            if kind == b"Z":
                break

    def _send(self, kind, body):
        self.sock.sendall(kind + struct.pack("!i", len(body) + 4) + body)

    def _read(self):
        head = self.f.read(5)
        if len(head) < 5:
            raise ConnectionError("postgres closed the connection")
        kind, size = head[:1], struct.unpack("!i", head[1:])[0]
        return kind, self.f.read(size - 4)

    def _auth_request(self):
        kind, body = self._read()
        if kind == b"E":
            raise PgError(error_text(body))
        if kind != b"R":
            raise PgError("unexpected message %r while logging in" % kind)
        return struct.unpack("!i", body[:4])[0], body[4:]

    def _login(self):
        code, data = self._auth_request()
        if code == 10:  # SASL
            if b"SCRAM-SHA-256" not in data.split(b"\0"):
                raise PgError("the server offers no SCRAM-SHA-256")
            self._scram()
            code, data = self._auth_request()
        elif code == 5:  # MD5, with a 4-byte salt
            inner = hashlib.md5((self.password + self.user).encode()).hexdigest()
            self._send(b"p", b"md5" + hashlib.md5(inner.encode() + data[:4]).hexdigest().encode() + b"\0")
            code, data = self._auth_request()
        elif code == 3:  # cleartext
            self._send(b"p", self.password.encode() + b"\0")
            code, data = self._auth_request()
        if code != 0:
            raise PgError("unsupported authentication request %d" % code)

    def _scram(self):
        nonce = base64.b64encode(secrets.token_bytes(18)).decode()
        first_bare = "n=,r=" + nonce  # postgres takes the user from the startup message
        first = ("n,," + first_bare).encode()
        self._send(b"p", b"SCRAM-SHA-256\0" + struct.pack("!i", len(first)) + first)
        code, server_first = self._auth_request()
        attrs = dict(kv.split("=", 1) for kv in server_first.decode().split(","))
        if code != 11 or not attrs.get("r", "").startswith(nonce):
            raise PgError("SCRAM: unexpected server-first message")
        final_bare = "c=biws,r=" + attrs["r"]
        proof, server_signature = scram_proof(self.password, base64.b64decode(attrs["s"]), int(attrs["i"]),
                                              ",".join((first_bare, server_first.decode(), final_bare)))
        self._send(b"p", (final_bare + ",p=" + proof).encode())
        code, server_final = self._auth_request()
        verifier = dict(kv.split("=", 1) for kv in server_final.decode().split(",")).get("v", "")
        if code != 12 or not hmac.compare_digest(verifier, server_signature):
            raise PgError("SCRAM: the server could not prove it knows the password")

    def query(self, sql):
        self._send(b"Q", sql.encode() + b"\0")
        rows, error = [], None
        while True:
            kind, body = self._read()
            if kind == b"T":  # a new result: keep the rows of the last statement
                rows = []
            elif kind == b"D":
                count, pos, row = struct.unpack("!h", body[:2])[0], 2, []
                for _ in range(count):
                    size = struct.unpack("!i", body[pos:pos + 4])[0]
                    pos += 4
                    row.append(None if size < 0 else body[pos:pos + size].decode())
                    pos += max(size, 0)
                rows.append(row)
            elif kind == b"E":
                error = PgError(error_text(body))
            elif kind == b"Z":
                if error:
                    raise error
                return rows

    def close(self):
        try:
            self._send(b"X", b"")
        except OSError:
            pass
        self.sock.close()


def with_db(work):
    db = Pg(**DB)
    try:
        return work(db)
    finally:
        db.close()


# --- the app -----------------------------------------------------------------------------------

SCHEMA = ("CREATE TABLE IF NOT EXISTS visits (id serial PRIMARY KEY, "
          "at timestamptz NOT NULL DEFAULT now(), served_by text NOT NULL)")
schema_lock = threading.Lock()  # two first requests must not race to create the table


def record_visit(db):
    with schema_lock:
        db.query(SCHEMA)
    db.query("INSERT INTO visits (served_by) VALUES (%s)" % literal(HOSTNAME))
    count = int(db.query("SELECT count(*) FROM visits")[0][0])
    last = db.query("SELECT id, to_char(at, 'YYYY-MM-DD HH24:MI:SS'), served_by FROM visits ORDER BY id DESC LIMIT 5")
    return count, last


def stats(db):
    exists = db.query("SELECT to_regclass('visits') IS NOT NULL")[0][0] == "t"
    visits = int(db.query("SELECT count(*) FROM visits")[0][0]) if exists else 0
    return {"hits": int(redis("GET", "hits") or 0), "visits": visits, "hostname": HOSTNAME}


PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>web-db</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>Hello from jcompose</h1>
<p>This page was viewed <b>{hits}</b> times (a counter in Redis).</p>
<p>Postgres holds <b>{visits}</b> visits; the latest:</p>
<table border="1" cellpadding="4"><tr><th>#</th><th>at (UTC)</th><th>served by</th></tr>{rows}</table>
<p><small>served by container {host}</small></p>
</body></html>
"""


class Handler(BaseHTTPRequestHandler):
    server_version = "web-db/1"

    def do_GET(self):
        try:
            if self.path == "/healthz":
                redis("PING")
                with_db(lambda db: db.query("SELECT 1"))
                self._reply(200, "text/plain", "ok\n")
            elif self.path == "/api/stats":
                self._reply(200, "application/json", json.dumps(with_db(stats)) + "\n")
            elif self.path != "/":  # e.g. a browser's /favicon.ico: not a visit
                self._reply(404, "text/plain", "not found\n")
            else:
                hits = redis("INCR", "hits")
                count, last = with_db(record_visit)
                rows = "".join("<tr><td>%s</td><td>%s</td><td>%s</td></tr>" % tuple(html.escape(c or "") for c in r)
                               for r in last)
                self._reply(200, "text/html; charset=utf-8",
                            PAGE.format(hits=hits, visits=count, rows=rows, host=html.escape(HOSTNAME)))
        except (OSError, PgError, RuntimeError) as e:
            self._reply(503, "text/plain; charset=utf-8", "a backend is unavailable: %s\n" % e)

    def _reply(self, status, content_type, text):
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        print("web: %s %s" % (self.address_string(), fmt % args), flush=True)


def main():
    server = ThreadingHTTPServer(("0.0.0.0", 8000), Handler)
    server.daemon_threads = True
    # Leave promptly on the stop signal: the server loop runs in this thread, so end it by exception.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print("web: listening on :8000", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
