"""Unit tests of the protocol pieces: python3 -m unittest (from this directory)."""
import io
import unittest

import app


class ScramTest(unittest.TestCase):
    def test_rfc7677_vector(self):
        # RFC 7677 section 3: user "user", password "pencil"
        first_bare = "n=user,r=rOprNGfwEbeRWgbNEkqO"
        server_first = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
        final_bare = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"
        proof, server_signature = app.scram_proof(
            "pencil", app.base64.b64decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096, ",".join((first_bare, server_first, final_bare)))
        self.assertEqual(proof, "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
        self.assertEqual(server_signature, "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")


class RespTest(unittest.TestCase):
    def test_encode_command(self):
        self.assertEqual(app.resp_encode("INCR", "hits"), b"*2\r\n$4\r\nINCR\r\n$4\r\nhits\r\n")

    def test_read_replies(self):
        self.assertEqual(app.resp_read(io.BytesIO(b"+PONG\r\n")), "PONG")
        self.assertEqual(app.resp_read(io.BytesIO(b":42\r\n")), 42)
        self.assertEqual(app.resp_read(io.BytesIO(b"$3\r\nabc\r\n")), b"abc")
        self.assertIsNone(app.resp_read(io.BytesIO(b"$-1\r\n")))
        self.assertEqual(app.resp_read(io.BytesIO(b"*2\r\n:1\r\n$1\r\nx\r\n")), [1, b"x"])

    def test_error_and_eof(self):
        with self.assertRaises(RuntimeError):
            app.resp_read(io.BytesIO(b"-ERR wrong\r\n"))
        with self.assertRaises(ConnectionError):
            app.resp_read(io.BytesIO(b""))


class SqlTest(unittest.TestCase):
    def test_literal_doubles_quotes(self):
        self.assertEqual(app.literal("it's"), "'it''s'")
        with self.assertRaises(ValueError):
            app.literal("a\0b")

    def test_error_text(self):
        self.assertEqual(app.error_text(b"SERROR\0C42P01\0Mrelation does not exist\0\0"), "ERROR: relation does not exist")


if __name__ == "__main__":
    unittest.main()
