"""Pseudonymous patient IDs: a keyed hash (HMAC-SHA256) of the source record's ID with a local secret salt.

Without the salt nobody can recompute the mapping from a known record ID; with it, re-ingesting the same
record gives the same pseudonym, so its chunks are not duplicated."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

# For tests and examples only: a salt everyone can read protects nothing.
TEST_SALT = "onco-assistant-test-salt-not-secret"
SALT_ENV = "ONCO_PSEUDONYM_SALT"
SALT_FILE_NAME = "pseudonym_salt"


def pseudonymize(key: str, salt: str) -> str:
    """'P-' + 10 hex digits of HMAC-SHA256(salt, key). 40 bits: collisions stay negligible for a clinic."""
    if not salt:
        raise ValueError(
            "an empty pseudonymisation salt would make patient IDs reversible; pass a secret salt"
        )
    digest = hmac.new(salt.encode("utf-8"), key.strip().encode("utf-8"), hashlib.sha256).hexdigest()
    return f"P-{digest[:10].upper()}"


def local_salt(data_dir: Path) -> str:
    """The salt from $ONCO_PSEUDONYM_SALT, else from <data_dir>/pseudonym_salt (created once, owner-only)."""
    from_env = os.environ.get(SALT_ENV, "").strip()
    if from_env:
        return from_env
    path = data_dir / SALT_FILE_NAME
    if path.is_file():
        salt = path.read_text(encoding="utf-8").strip()
        if salt:
            return salt
    data_dir.mkdir(parents=True, exist_ok=True)
    salt = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(salt + "\n")
    return salt
