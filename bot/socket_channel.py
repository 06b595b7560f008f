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
3. Identity and hygiene. The server issues the session id (bot.identity): a `session_request` with an
   id the server did not sign gets a new conversation, and a message is filed under the session its
   socket joined, whatever `session_id` it claims, so knowing someone's id from elsewhere is not
   enough to speak in their conversation. Every message goes through bot.guard and bot.rate_limit as
   on the REST channel, button payloads are signed, frames are capped at 256 KB, and a turn that
   produces nothing (action server down) or during which the tracker store failed gets the polite
   "temporarily unavailable" reply instead.
4. Live handoff. While staff hold a conversation (bot/staff_socket.py, the `/staff` namespace of this
   same socket.io server), the client's screened message goes to them instead of to Rasa, so the bot
   does not talk over the person answering.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Optional, Text, Union

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from bot import action_results, guard, rate_limit, settings
from bot.identity import conversation_id, sign_payload
from bot.staff_socket import LiveHandoff
from bot.tracker_store import watching_turn

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
            if origin == base or (origin.startswith(base + ":") and origin[len(base) + 1 :].isdigit()):
                return True
    return False


class SignedSocketIOOutput(SocketIOOutput):
    """Rasa's socket.io output, with button payloads signed for the conversation, held until the turn ends.

    Holding the turn's messages lets the channel replace them with the "temporarily unavailable" reply
    when the tracker store failed during the turn (they were computed without the conversation's context).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.held: List[Any] = []

    async def _send_message(self, socket_id: Text, response: Any) -> None:
        for reply in response.get("quick_replies") or [] if isinstance(response, dict) else []:
            reply["payload"] = sign_payload(str(reply.get("payload", "")), socket_id)
        self.held.append((socket_id, response))

    async def release(self) -> None:
        for socket_id, response in self.held:
            await super()._send_message(socket_id, response)
        self.held = []


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
        configured = settings.get(ORIGINS_ENV, "") or credentials.get("allowed_origins")
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
        action_results.install()
        socketio_webhook = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None
        namespace = self.namespace or "/"
        rasa_connect = sio.handlers[namespace]["connect"]  # Rasa's handler: the JWT check, when configured
        sio.eio.max_http_buffer_size = guard.MAX_BODY_BYTES
        sessions: Dict[Text, Text] = {}  # socket id -> the conversation it joined
        addresses: Dict[Text, Optional[Text]] = {}  # socket id -> client address
        live = LiveHandoff(sio, namespace, self.bot_message_evt, self.is_allowed)
        live.attach()

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict]) -> bool:
            # Browsers always send Origin on WebSocket and cross-origin requests. Refusing the socket.io
            # connection here (rather than through python-engineio's cors_allowed_origins) leaves the CORS
            # headers of the polling transport to `rasa run --cors` alone, so they are never sent twice.
            origin = environ.get("HTTP_ORIGIN")
            if origin and not self.is_allowed(origin):
                return False
            addresses[sid] = environ.get("REMOTE_ADDR")
            return await rasa_connect(sid, environ, auth)

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(sid: Text) -> None:
            sessions.pop(sid, None)
            addresses.pop(sid, None)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = conversation_id(data.get("session_id"))
            previous = sessions.get(sid)
            if previous and previous != session_id:
                await sio.leave_room(sid, previous, namespace=self.namespace)
            sessions[sid] = session_id
            await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)
            await live.client_joined(session_id, sid)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any) -> None:
            session_id = sessions.get(sid)
            if session_id is None or not isinstance(data, dict):
                return  # no session_request yet: there is no conversation to speak in
            output = SignedSocketIOOutput(sio, self.bot_message_evt)
            metadata = guard.clean_metadata(data.get(self.metadata_key))
            limited = rate_limit.check(addresses.get(sid), session_id)
            screened = guard.screen(data.get("message"), session_id, metadata)
            refusal = guard.reply("slow_down", "", metadata) if limited else screened.refusal
            if not refusal and await live.client_message(session_id, screened.text):
                return  # staff hold the conversation: they answer, not the bot
            if not refusal:
                with watching_turn() as store_failures:
                    try:
                        await on_new_message(
                            UserMessage(screened.text, output, session_id, input_channel=self.name(), metadata=metadata)
                        )
                    except Exception:
                        logger.exception("socket.io message failed")
                if store_failures or not output.held:
                    refusal = guard.reply("unavailable", screened.text, metadata)
            if refusal:
                output.held = []
                await output.send_text_message(session_id, refusal)
            await output.release()

        return socketio_webhook
