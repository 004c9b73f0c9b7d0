"""Loopback helpers shared by tests that start a server (the app, llama_cpp.server, chroma run)."""

from __future__ import annotations

from evals.load_app import free_port

__all__ = ["free_port"]
