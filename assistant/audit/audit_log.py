"""The local audit trail: one JSON line per answer, rotated by size, readable back by time window.

Writing is safe across threads (a lock) and across processes on POSIX (an flock on `<file>.lock` around the
size check, the rotation and the append): the UI, the CLI and an eval run may share one data folder. The file
is opened for each record, so a rotation done by another process is never written past. Writing can fail
(read-only folder, full disk): the answer must still reach the clinician, so a failure is logged once as a
warning and answering goes on; the next success re-arms the warning."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import secrets
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from assistant.audit.audit_record import AuditRecord, settings_fingerprint
from assistant.settings import Settings
from assistant.types import Answer

try:  # POSIX only; elsewhere the thread lock alone serialises writers of this process
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)
KEY_FILE_NAME = "question_key"


class AuditLog:
    def __init__(
        self, path: Path, max_bytes: int = 5_000_000, backups: int = 10, settings_hash: str = ""
    ) -> None:
        self.path = Path(path)
        self.max_bytes = max_bytes
        self.backups = backups
        self.settings_hash = settings_hash
        self.failures = 0  # records that could not be written, for tests and health checks
        self.skipped_lines = 0  # unreadable lines met by the last read()
        self._lock = threading.Lock()
        self._warned = False
        self._key: bytes | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> AuditLog:
        cfg = settings.audit
        assert cfg.path is not None  # resolved by Settings
        return cls(cfg.path, cfg.max_bytes, cfg.backups, settings_fingerprint(settings))

    # -- writing ---------------------------------------------------------------------------------------------
    def record(
        self,
        answer: Answer,
        retrieved_ids: Sequence[str],
        *,
        scrubbed: bool,
        verified: bool,
        filters: Mapping[str, Any] | None = None,
    ) -> AuditRecord | None:
        """Records one answer; returns the record, or None when it could not be written. Never raises."""
        try:
            record = AuditRecord.from_answer(
                answer,
                tuple(retrieved_ids),
                scrubbed=scrubbed,
                verified=verified,
                settings_hash=self.settings_hash,
                question_key=b"" if scrubbed else self._question_key(),
                filters={k: str(v) for k, v in (filters or {}).items() if v is not None},
            )
        except Exception as exc:  # noqa: BLE001 - an audit bug must not cost the clinician the answer
            self._failed(exc)
            return None
        return record if self.write(record) else None

    def write(self, record: AuditRecord) -> bool:
        try:
            # backslashreplace: a lone surrogate (pasted from a broken PDF) becomes a valid JSON \udcxx escape
            line = (record.to_json() + "\n").encode("utf-8", "backslashreplace")
            with self._lock, self._process_lock():
                self._rotate_if_needed(len(line))
                fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                try:
                    view = memoryview(line)
                    while view:
                        view = view[os.write(fd, view) :]
                finally:
                    os.close(fd)
        except Exception as exc:  # noqa: BLE001 - OSError above all (read-only, full disk); never the answer's loss
            self._failed(exc)
            return False
        self._warned = False
        return True

    def _failed(self, exc: BaseException) -> None:
        self.failures += 1
        if not self._warned:
            self._warned = True
            # An OSError names the file and the OS reason; any other message might quote the record: not shown.
            reason = f"{type(exc).__name__}: {exc}" if isinstance(exc, OSError) else type(exc).__name__
            log.warning(
                "audit log %s cannot be written (%s); answers go on without audit records", self.path, reason
            )

    @contextlib.contextmanager
    def _process_lock(self) -> Iterator[None]:
        # Owner-only folder: the questions are scrubbed, but they are still about patients.
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if fcntl is None:
            yield
            return
        fd = os.open(self.path.with_name(self.path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the flock

    def _rotate_if_needed(self, incoming: int) -> None:
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return
        if size == 0 or size + incoming <= self.max_bytes:
            return
        # answers.jsonl.N is dropped, .N-1 becomes .N, ..., answers.jsonl becomes .1 (as logging's handler does).
        self.backup(self.backups).unlink(missing_ok=True)
        for n in range(self.backups - 1, 0, -1):
            if self.backup(n).exists():
                self.backup(n).replace(self.backup(n + 1))
        self.path.replace(self.backup(1))

    def _question_key(self) -> bytes:
        """The per-installation key for hashing unscrubbed questions, created owner-only on first need."""
        if self._key is None:
            key_path = self.path.parent / KEY_FILE_NAME
            try:
                self._key = bytes.fromhex(key_path.read_text(encoding="ascii").strip())
            except (OSError, ValueError):
                self._key = secrets.token_bytes(32)
                try:
                    key_path.parent.mkdir(parents=True, exist_ok=True)
                    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                    with os.fdopen(fd, "w", encoding="ascii") as handle:
                        handle.write(self._key.hex() + "\n")
                except FileExistsError:  # another process won the race: use its key
                    self._key = bytes.fromhex(key_path.read_text(encoding="ascii").strip())
                except OSError:
                    pass  # unwritable folder: the record will not be written either (write() warns)
        return self._key

    # -- reading ---------------------------------------------------------------------------------------------
    def backup(self, n: int) -> Path:
        return self.path.with_name(f"{self.path.name}.{n}")

    def files(self) -> list[Path]:
        """Existing audit files, oldest first: answers.jsonl.N … answers.jsonl.1, answers.jsonl."""
        rotated = [self.backup(n) for n in range(self.backups, 0, -1)]
        return [p for p in [*rotated, self.path] if p.is_file()]

    def read(
        self, since: dt.datetime | None = None, until: dt.datetime | None = None
    ) -> Iterator[AuditRecord]:
        """Records with since <= time < until (aware datetimes), oldest file first, each file in write order.

        Lines that cannot be parsed (a crash mid-write, a hand edit) are skipped and counted in skipped_lines."""
        self.skipped_lines = 0
        for path in self.files():
            with path.open(encoding="utf-8", errors="replace") as handle:
                for line in handle:
                    if not line.strip():
                        continue
                    try:
                        record = AuditRecord.from_json(line)
                        when = record.time
                    except (ValueError, TypeError, KeyError):
                        self.skipped_lines += 1
                        continue
                    if (since is None or when >= since) and (until is None or when < until):
                        yield record
