#!/usr/bin/env bash
# Prints a TCP port nothing listens on at 127.0.0.1 right now (the kernel's pick from its
# ephemeral range), for a server a script is about to start: CI's own registry, the smoke test's
# published port.
set -euo pipefail
exec python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
