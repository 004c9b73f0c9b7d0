"""Who may open the workspace. On the loopback interface only this computer's users can reach it; anywhere
else a login is required, and starting without one is refused."""

from __future__ import annotations

import ipaddress
import os

from assistant.errors import ConfigurationError

USERS_ENV = "ONCO_UI_USERS"  # "alice:secret,bob:other" until settings grow a ui.users field


def is_loopback(host: str) -> bool:
    host = (host or "").strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve anywhere


def parse_users(raw: str | None) -> list[tuple[str, str]]:
    users = []
    for item in (raw or "").split(","):
        item = item.strip()
        if not item:
            continue
        name, sep, password = item.partition(":")
        if not sep or not name.strip() or not password:
            raise ConfigurationError(
                f"{USERS_ENV}: each entry must be name:password (comma-separated); one entry is not."
            )
        users.append((name.strip(), password))
    return users


def launch_auth(host: str, raw_users: str | None = None) -> list[tuple[str, str]] | None:
    """The `auth` argument for launch(): None on loopback without users; raises on a wider host without."""
    users = parse_users(os.environ.get(USERS_ENV) if raw_users is None else raw_users)
    if not users and not is_loopback(host):
        raise ConfigurationError(
            f"ui.host is {host!r}: the workspace would be reachable from other machines without a login. "
            f'Set {USERS_ENV}="name:password" (comma-separated for several users), or keep ui.host at 127.0.0.1.'
        )
    return users or None
