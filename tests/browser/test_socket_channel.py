"""The socket.io channel's origin rules (bot/socket_channel.py), without a browser."""

from __future__ import annotations

import pytest

from bot.socket_channel import DEFAULT_ALLOWED_ORIGINS, GuichetSocketIOInput, origin_allowed, parse_origins


@pytest.mark.parametrize(
    "origin, allowed",
    [
        ("http://localhost:5005", True),
        ("http://localhost", True),
        ("http://127.0.0.1:41234", True),
        ("http://LOCALHOST:5005/", True),
        ("https://localhost:5005", False),  # another scheme is another origin
        ("http://localhost.evil.example:5005", False),
        ("http://localhost:5005.evil.example", False),
        ("http://evil.example", False),
        ("null", False),
        ("", False),
        (None, False),
    ],
)
def test_default_origins_are_this_machine(origin, allowed) -> None:
    assert origin_allowed(origin, DEFAULT_ALLOWED_ORIGINS) is allowed


def test_exact_origins_and_wildcard() -> None:
    allowed = parse_origins("https://www.example.gc.ca, http://localhost:5005")
    assert allowed == ["https://www.example.gc.ca", "http://localhost:5005"]
    assert origin_allowed("https://www.example.gc.ca", allowed)
    assert not origin_allowed("https://example.gc.ca", allowed)
    assert not origin_allowed("http://localhost:5006", allowed)
    assert origin_allowed("http://anything.example", ["*"])


def test_credentials_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GUICHET_CORS", raising=False)
    channel = GuichetSocketIOInput.from_credentials(
        {"session_persistence": True, "allowed_origins": "https://a.example https://b.example"}
    )
    assert channel.allowed_origins == ["https://a.example", "https://b.example"] and channel.session_persistence
    assert GuichetSocketIOInput.from_credentials({}).allowed_origins == list(DEFAULT_ALLOWED_ORIGINS)
    monkeypatch.setenv("GUICHET_CORS", "https://c.example")
    assert GuichetSocketIOInput.from_credentials({"allowed_origins": "https://a.example"}).allowed_origins == [
        "https://c.example"
    ]
