from __future__ import annotations

import pytest

from assistant.errors import ConfigurationError
from ui.access import is_loopback, launch_auth, parse_users

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("192.168.1.20", False),
        ("::", False),
        ("myhost.example", False),
        ("", False),
    ],
)
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_users_are_parsed_from_name_password_pairs() -> None:
    assert parse_users(" alice:s3cret:with:colons , bob:pw ") == [
        ("alice", "s3cret:with:colons"),
        ("bob", "pw"),
    ]
    assert parse_users("") == [] and parse_users(None) == []


@pytest.mark.parametrize("raw", ["alice", "alice:", ":pw", "alice:pw,bob"])
def test_malformed_users_are_refused_without_echoing_passwords(raw: str) -> None:
    with pytest.raises(ConfigurationError, match="name:password") as error:
        parse_users(raw)
    assert "pw" not in str(error.value)


def test_loopback_needs_no_login() -> None:
    assert launch_auth("127.0.0.1", "") is None


def test_wider_address_without_login_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="ONCO_UI_USERS"):
        launch_auth("0.0.0.0", "")


def test_wider_address_with_login_is_allowed() -> None:
    assert launch_auth("0.0.0.0", "alice:pw") == [("alice", "pw")]


def test_users_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONCO_UI_USERS", "carol:pw2")
    assert launch_auth("10.0.0.5") == [("carol", "pw2")]
