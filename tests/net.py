"""Loopback helpers shared by tests that start a server (the app, llama_cpp.server, chroma run)."""

from __future__ import annotations

import socket


def free_port() -> int:
    """A port nothing listens on now; the server started next binds it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
