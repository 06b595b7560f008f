"""Live handoff: staff answer a waiting client from the staff page, over the chat's own socket.io server.

Why the same socket.io server: the client's widget is already connected to it and sits in its
conversation's room (bot/socket_channel.py), so a staff reply is one `emit` to that room and reaches
the client at once, without a second connection, a second port or a push service. The staff page
connects to the `/staff` namespace with the credential in the socket's `auth` (never in a URL, where
proxies and browser history would keep it); it is compared in constant time, and with no
GUICHET_STAFF_TOKEN set every staff connection is refused, so the feature is off unless turned on.

While staff hold a conversation the socket channel hands the client's (already screened and masked)
messages here instead of to Rasa: the bot stays silent, the message is recorded and shown to the staff
member. A poll of the queue every POLL_SECONDS keeps staff pages and waiting clients current whatever
changed it (a new request filed by the action server, another process, `python -m bot.handoff close`);
a client is sent its place in the queue only when it changes.

Limit: a staff reply reaches a client connected to the same Rasa process. With GUICHET_WORKERS > 1,
socket.io would need a shared message queue (python-socketio's Redis manager) for live handoff.
"""

from __future__ import annotations

import hmac
import json
import logging
import unicodedata
from typing import Any, Callable, Dict, List, Optional, Set

from socketio import AsyncServer
from socketio.exceptions import ConnectionRefusedError as Refused

from actions.messages import say
from bot import settings, staff_hours
from bot.guard import HIDDEN
from bot.handoff import TAKEN, WAITING, HandoffQueue, now, staff_name
from bot.privacy import mask_personal_data

logger = logging.getLogger(__name__)

STAFF_NAMESPACE = "/staff"
STAFF_ROOM = "staff"
STATUS_EVENT = "handoff_status"
POLL_SECONDS = 2.0
MAX_STAFF_MESSAGE = 2000


def token_matches(offered: Any) -> bool:
    expected = settings.staff_token()
    if not expected or not isinstance(offered, str):
        return False
    return hmac.compare_digest(offered.encode("utf-8"), expected.encode("utf-8"))


def clean_text(raw: Any) -> str:
    text = unicodedata.normalize("NFC", HIDDEN.sub(" ", raw if isinstance(raw, str) else "")).strip()
    return text[:MAX_STAFF_MESSAGE]


def conversation_room(reference: str) -> str:
    return f"handoff:{reference}"


class LiveHandoff:
    """The `/staff` namespace and the hooks the client's socket channel calls (see the module docstring)."""

    def __init__(
        self,
        sio: AsyncServer,
        client_namespace: str,
        bot_event: str,
        origin_allowed: Callable[[Optional[str]], bool],
        queue: Optional[HandoffQueue] = None,
    ) -> None:
        self.sio = sio
        self.client_namespace = client_namespace
        self.bot_event = bot_event
        self.origin_allowed = origin_allowed
        self._queue = queue
        self.staff: Dict[str, str] = {}  # staff socket id -> the name they typed
        self.claims: Dict[str, Set[str]] = {}  # staff socket id -> references they hold
        self.pushed: Dict[str, Dict[str, Any]] = {}  # reference -> last status sent to its client
        self.board_sent = ""
        self.polling = False

    @property
    def queue(self) -> HandoffQueue:
        if self._queue is None:
            self._queue = HandoffQueue()
        return self._queue

    # ---- the client's side (called by bot/socket_channel.py) -----------------------------------------

    async def client_message(self, session_id: str, text: str) -> bool:
        """Forwards a client's message to staff when staff hold the conversation; True when it did."""
        if not settings.staff_token():
            return False
        try:
            live = self.queue.live_request(session_id)
            if not live or live["status"] != TAKEN:
                return False
            self.queue.record(live["reference"], "client", "client", text)
        except Exception:
            logger.exception("handoff queue unavailable: the bot answers")
            return False
        message = {"reference": live["reference"], "who": "client", "text": mask_personal_data(text), "at": stamp()}
        await self.sio.emit("said", message, room=conversation_room(live["reference"]), namespace=STAFF_NAMESPACE)
        return True

    async def client_joined(self, session_id: str, sid: str) -> None:
        """A widget (re)joined its conversation: tell it where its request stands, and keep it current."""
        if not settings.staff_token():
            return
        self.start_polling()
        try:
            live = self.queue.live_request(session_id)
            if live:
                board = self.queue.board()
                await self.sio.emit(
                    STATUS_EVENT, self.status_of(live["reference"], board), room=sid, namespace=self.client_namespace
                )
        except Exception:
            logger.exception("handoff queue unavailable")

    # ---- what clients and staff see --------------------------------------------------------------------

    def status_of(self, reference: str, board: List[Dict[str, Any]], handling: Optional[float] = None) -> Dict:
        waiting = [row["reference"] for row in board if row["status"] == WAITING]
        row = next((r for r in board if r["reference"] == reference), None)
        if row is None:
            return {"state": "ended", "reference": reference}
        if row["status"] == TAKEN:
            return {"state": "taken", "reference": reference, "staff": row["taken_by"]}
        if not staff_hours.open_now():
            return {"state": "after_hours", "reference": reference}
        position = waiting.index(reference) + 1
        return {
            "state": "waiting",
            "reference": reference,
            "position": position,
            "wait_minutes": self.queue.wait_minutes(position, handling),
        }

    def conversation(self, reference: str) -> Dict[str, Any]:
        """The filed transcript and everything said since, for the staff member who holds it."""
        request = self.queue.request(reference) or {}
        history = self.queue.steps(reference)
        said = [
            {"who": s["step"], "actor": s["actor"], "text": s["text"], "at": s["at"]}
            for s in history
            if s["step"] in ("staff", "client")
        ]
        return {
            "reference": reference,
            "language": request.get("language", ""),
            "province": next((s["text"] for s in history if s["step"] == "filed"), ""),
            "transcript": json.loads(request.get("transcript") or "[]"),
            "messages": said,
        }

    async def refresh(self, force: bool = False) -> None:
        """Sends staff pages the queue when it changed, and each waiting client its new place."""
        board = self.queue.board()
        public = [{k: v for k, v in row.items() if k != "sender_id"} for row in board]
        encoded = json.dumps(public, sort_keys=True)
        if force or encoded != self.board_sent:
            self.board_sent = encoded
            await self.sio.emit("board", public, room=STAFF_ROOM, namespace=STAFF_NAMESPACE)
        handling = self.queue.handling_minutes()
        for row in board:
            status = self.status_of(row["reference"], board, handling)
            if self.pushed.get(row["reference"]) != status:
                self.pushed[row["reference"]] = status
                await self.sio.emit(STATUS_EVENT, status, room=row["sender_id"], namespace=self.client_namespace)
        live = {row["reference"] for row in board}
        for reference in [r for r in self.pushed if r not in live]:
            del self.pushed[reference]

    def start_polling(self) -> None:
        if not self.polling:
            self.polling = True
            self.sio.start_background_task(self._poll)

    async def _poll(self) -> None:
        while True:
            await self.sio.sleep(POLL_SECONDS)
            try:
                await self.refresh()
            except Exception:
                logger.exception("handoff queue unavailable")

    async def tell_client(self, reference: str, key: str, status: Dict[str, Any], /, **values: Any) -> None:
        """Says `key` to the client in their language and updates their handoff status."""
        request = self.queue.request(reference)
        if not request:
            return
        text = say(key, request["language"] if request["language"] in ("en", "fr") else "en", **values)
        room = request["sender_id"]
        await self.sio.emit(self.bot_event, {"text": text}, room=room, namespace=self.client_namespace)
        self.pushed[reference] = status
        await self.sio.emit(STATUS_EVENT, status, room=room, namespace=self.client_namespace)

    # ---- the staff namespace ---------------------------------------------------------------------------

    def attach(self) -> None:
        sio, ns = self.sio, STAFF_NAMESPACE

        @sio.on("connect", namespace=ns)
        async def connect(sid: str, environ: Dict, auth: Any) -> bool:
            if not settings.staff_token():
                raise Refused("staff access is off")
            origin = environ.get("HTTP_ORIGIN")
            if origin and not self.origin_allowed(origin):
                return False
            auth = auth if isinstance(auth, dict) else {}
            if not token_matches(auth.get("token")):
                logger.warning(f"staff connection with a wrong credential from {environ.get('REMOTE_ADDR')}")
                raise Refused("wrong staff credential")
            name = staff_name(auth.get("name"))
            if not name:
                raise Refused("type your name")
            self.staff[sid], self.claims[sid] = name, set()
            await sio.enter_room(sid, STAFF_ROOM, namespace=ns)
            self.start_polling()
            return True

        @sio.on("disconnect", namespace=ns)
        async def disconnect(sid: str) -> None:
            self.staff.pop(sid, None)
            self.claims.pop(sid, None)

        @sio.on("refresh", namespace=ns)
        async def refresh(sid: str, _: Any = None) -> Dict[str, Any]:
            board = self.queue.board()
            return {
                "name": self.staff.get(sid, ""),
                "board": [{k: v for k, v in r.items() if k != "sender_id"} for r in board],
            }

        @sio.on("take", namespace=ns)
        async def take(sid: str, data: Any) -> Dict[str, Any]:
            name, reference = self.staff.get(sid), reference_of(data)
            request = self.queue.request(reference) if name and reference else None
            if not name or not request:
                return {"ok": False, "error": "unknown"}
            resumed = request["status"] == TAKEN and self.queue.taken_by(reference) == name
            if not resumed and not self.queue.take(reference, name):
                return {"ok": False, "error": "not_waiting", "taken_by": self.queue.taken_by(reference) or ""}
            self.claims[sid].add(reference)
            await sio.enter_room(sid, conversation_room(reference), namespace=ns)
            if not resumed:
                status = {"state": "taken", "reference": reference, "staff": name}
                await self.tell_client(reference, "handoff_staff_joined", status, name=name)
            await self.refresh()
            return {"ok": True, "conversation": self.conversation(reference)}

        @sio.on("send", namespace=ns)
        async def send(sid: str, data: Any) -> Dict[str, Any]:
            name, reference = self.staff.get(sid), reference_of(data)
            text = clean_text(data.get("text") if isinstance(data, dict) else None)
            if not name or reference not in self.claims.get(sid, set()) or not text:
                return {"ok": False, "error": "not_yours" if text else "empty"}
            request = self.queue.request(reference)
            if not request or request["status"] != TAKEN:
                return {"ok": False, "error": "not_taken"}
            self.queue.record(reference, "staff", name, text)
            reply = {"text": text, "staff": name}
            await sio.emit(self.bot_event, reply, room=request["sender_id"], namespace=self.client_namespace)
            message = {"reference": reference, "who": "staff", "actor": name, "text": mask_personal_data(text)}
            await sio.emit(
                "said", {**message, "at": stamp()}, room=conversation_room(reference), skip_sid=sid, namespace=ns
            )
            return {"ok": True}

        async def end(sid: str, data: Any, hand_back: bool) -> Dict[str, Any]:
            name, reference = self.staff.get(sid), reference_of(data)
            if not name or not reference:
                return {"ok": False, "error": "unknown"}
            done = self.queue.hand_back(reference, name) if hand_back else self.queue.close(reference, name)
            if not done:
                return {"ok": False, "error": "not_taken"}
            status = {"state": "ended", "reference": reference}
            await self.tell_client(
                reference, "handoff_returned" if hand_back else "handoff_closed", status, reference=reference
            )
            for claims in self.claims.values():
                claims.discard(reference)
            await sio.close_room(conversation_room(reference), namespace=ns)
            await self.refresh()
            return {"ok": True}

        @sio.on("hand_back", namespace=ns)
        async def hand_back(sid: str, data: Any) -> Dict[str, Any]:
            return await end(sid, data, hand_back=True)

        @sio.on("close", namespace=ns)
        async def close(sid: str, data: Any) -> Dict[str, Any]:
            return await end(sid, data, hand_back=False)


def reference_of(data: Any) -> str:
    reference = data.get("reference") if isinstance(data, dict) else None
    return reference if isinstance(reference, str) and len(reference) <= 20 else ""


def stamp() -> str:
    return now().isoformat(timespec="seconds")
