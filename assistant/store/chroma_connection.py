"""Opening Chroma: embedded in data_dir, or a shared `chroma run` server (store.chroma_host), with errors that name
the setting to fix."""

from __future__ import annotations

import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from assistant.errors import IndexError_, StoreUnavailableError

# Chroma's HTTP client waits forever by default (httpx timeout=None): a firewalled host or a hung server would
# freeze every question. Reading everything for a BM25 rebuild of a large collection is the slowest call.
_CONNECT_TIMEOUT_S = 5.0
_READ_TIMEOUT_S = 120.0


@dataclass(frozen=True)
class ChromaServer:
    host: str
    port: int = 8000
    ssl: bool = False

    @property
    def name(self) -> str:
        ssl = ", store.chroma_ssl=true" if self.ssl else ""
        return f"Chroma server at store.chroma_host={self.host}, store.chroma_port={self.port}{ssl}"

    def unavailable(
        self, exc: BaseException, problem: str | None = None, then: str = ""
    ) -> StoreUnavailableError:
        """`problem` replaces the default "Cannot reach the Chroma server at ..."; `then` follows the fix."""
        return StoreUnavailableError(
            f"{problem or 'Cannot reach the ' + self.name} ({_reason(exc)}); start the server "
            f"(`chroma run --path /srv/chroma --host 0.0.0.0 --port {self.port}`) or fix store.chroma_host / "
            f"store.chroma_port (ONCO_STORE__CHROMA_HOST, ONCO_STORE__CHROMA_PORT).{' ' + then if then else ''}"
        )


def unreachable(exc: BaseException) -> bool:
    """True when the error (or one it was raised from) means the server could not be talked to at all."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, httpx.TransportError | ConnectionError | socket.timeout):
            return True
        # chromadb turns a refused connection during client creation into this ValueError.
        if isinstance(current, ValueError) and "Could not connect to a Chroma server" in str(current):
            return True
        current = current.__cause__ or current.__context__
    return False


def _reason(exc: BaseException) -> str:
    current: BaseException | None = exc
    while current is not None:
        if isinstance(current, httpx.TransportError | OSError) and str(current):
            return f"{type(current).__name__}: {current}"
        current = current.__cause__ or current.__context__
    return f"{type(exc).__name__}: {exc}"


def open_http_client(server: ChromaServer) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    # A plain TCP connect with a timeout first: without it a wrong host can hang start-up for minutes.
    try:
        socket.create_connection((server.host, server.port), timeout=_CONNECT_TIMEOUT_S).close()
    except OSError as exc:
        raise server.unavailable(exc) from exc
    try:
        client = chromadb.HttpClient(
            host=server.host,
            port=server.port,
            ssl=server.ssl,
            settings=ChromaSettings(anonymized_telemetry=False),
        )
    except Exception as exc:  # noqa: BLE001 - chromadb wraps transport errors in ValueError
        if unreachable(exc):
            raise server.unavailable(exc) from exc
        raise StoreUnavailableError(
            f"The {server.name} answers but not as a Chroma server ({exc}); check store.chroma_host, "
            "store.chroma_port and store.chroma_ssl."
        ) from exc
    # chromadb offers no timeout setting for its HTTP client; bound the session it keeps (private, so guarded).
    session = getattr(getattr(client, "_server", None), "_session", None)
    if isinstance(session, httpx.Client):
        session.timeout = httpx.Timeout(_READ_TIMEOUT_S, connect=_CONNECT_TIMEOUT_S)
    return client


def open_persistent_client(data_dir: Path) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IndexError_(
            f"data_dir: cannot create the index folder {data_dir} ({exc.strerror}); set data_dir to a folder you "
            "can write to (not a file)."
        ) from exc
    path = str(data_dir / "chroma")
    try:
        return chromadb.PersistentClient(
            path=path, settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        )
    except Exception as exc:  # noqa: BLE001 - Chroma raises many types for an unusable folder
        _forget_broken_system(path)
        raise IndexError_(
            f"data_dir: the index at {path} cannot be opened ({exc}); check that the folder is writable and its "
            "disk has room, or point data_dir at another folder and re-ingest."
        ) from exc


def _forget_broken_system(path: str) -> None:
    """Chroma caches one system per path even when opening it failed; the next open in the same process would then
    fail with an unrelated AttributeError instead of trying again (seen after a read-only index folder)."""
    try:
        from chromadb.api.shared_system_client import SharedSystemClient

        SharedSystemClient._identifier_to_system.pop(path, None)  # private: no public way to drop one entry
    except (ImportError, AttributeError):
        pass
