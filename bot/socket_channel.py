"""Rasa's socket.io channel, restricted to configured browser origins and with working session persistence.

Registered in credentials.yml as `bot.socket_channel.GuichetSocketIOInput:` in place of `socketio:`;
it takes the same credentials (user_message_evt, bot_message_evt, session_persistence, metadata_key, ...)
plus `allowed_origins`. Two things Rasa 3.6.21's own `socketio` channel gets wrong here:

1. Origins. It creates its socket.io server with `cors_allowed_origins=[]`, which turns python-engineio's
   origin check off: a page on any web site can open a WebSocket to the assistant (browsers do not apply
   CORS to WebSockets) and `rasa run --cors` cannot change that. This channel accepts a socket.io
   connection only when its Origin header is one of `allowed_origins` (a list, or a string of
   space-separated origins); from any other origin the connection is refused and no message gets through.
   An entry may end in `:*` for any port (`http://localhost:*`); `*` alone allows every origin. The
   environment variable GUICHET_CORS (space-separated, the same knob `bot/serve.sh` passes to
   `rasa run --cors`), when set, replaces the credential. Clients that send no Origin header (curl, a
   Python socket.io client) are not browsers, which is all an origin check can tell apart; they can
   use the REST webhook anyway.
2. Session persistence. With python-socketio 5 (5.18 here) `AsyncServer.enter_room` is a coroutine;
   Rasa calls it without awaiting it, so the socket never joins its session's room and, with
   `session_persistence: true`, the bot's answers (sent to that room) never reach the browser.
   This channel's `session_request` handler awaits it.
"""
from __future__ import annotations

import logging
import os
import re
import uuid
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Optional, Text, Union

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

logger = logging.getLogger(__name__)

DEFAULT_ALLOWED_ORIGINS = ("http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*")
ORIGINS_ENV = "GUICHET_CORS"


def parse_origins(value: Union[None, Text, Iterable[Text]]) -> List[Text]:
    """`"a b"`, `"a,b"` or `["a", "b"]` -> `["a", "b"]` (no trailing slashes)."""
    if value is None:
        return []
    items = re.split(r"[\s,]+", value) if isinstance(value, str) else list(value)
    return [item.strip().rstrip("/") for item in items if item and item.strip()]


def origin_allowed(origin: Optional[Text], allowed: Iterable[Text]) -> bool:
    """Whether a browser Origin header (`scheme://host[:port]`) matches one of the allowed origins."""
    if not origin:
        return False
    origin = origin.rstrip("/").lower()
    for entry in (a.lower() for a in allowed):
        if entry == "*" or entry == origin:
            return True
        if entry.endswith(":*"):
            base = entry[:-2]
            if origin == base or (origin.startswith(base + ":") and origin[len(base) + 1:].isdigit()):
                return True
    return False


class GuichetSocketIOInput(SocketIOInput):
    """The socket.io channel the web widget talks to (see the module docstring)."""

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}
        channel = super().from_credentials(credentials)
        assert isinstance(channel, GuichetSocketIOInput)
        configured = os.environ.get(ORIGINS_ENV) or credentials.get("allowed_origins")
        channel.allowed_origins = parse_origins(configured) or list(DEFAULT_ALLOWED_ORIGINS)
        return channel

    def __init__(self, *args: Any, allowed_origins: Optional[Iterable[Text]] = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.allowed_origins: List[Text] = parse_origins(allowed_origins) or list(DEFAULT_ALLOWED_ORIGINS)

    def is_allowed(self, origin: Optional[Text]) -> bool:
        allowed = origin_allowed(origin, self.allowed_origins)
        if not allowed:
            logger.warning(f"socket.io connection from origin {origin!r} refused (allowed: {self.allowed_origins})")
        return allowed

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        socketio_webhook = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None
        namespace = self.namespace or "/"
        rasa_connect = sio.handlers[namespace]["connect"]  # Rasa's handler: the JWT check, when configured

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict]) -> bool:
            # Browsers always send Origin on WebSocket and cross-origin requests. Refusing the socket.io
            # connection here (rather than through python-engineio's cors_allowed_origins) leaves the CORS
            # headers of the polling transport to `rasa run --cors` alone, so they are never sent twice.
            origin = environ.get("HTTP_ORIGIN")
            if origin and not self.is_allowed(origin):
                return False
            return await rasa_connect(sid, environ, auth)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = data.get("session_id")
            if not isinstance(session_id, str) or not re.fullmatch(r"[A-Za-z0-9_-]{8,64}", session_id):
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)
            logger.debug(f"User {sid} joined session {session_id}.")

        return socketio_webhook
