"""Rasa's REST channel, made safe to face the public: POST /webhooks/rest/webhook.

Registered in credentials.yml as `bot.rest_channel.GuichetRestInput:` in place of `rest:`. Same request
(`{"sender": ..., "message": ..., "metadata": {...}}`) and the same reply (a JSON list of messages, each
with `recipient_id`), with these differences:
- the server issues the conversation id: a `sender` it did not sign (missing, empty, guessed,
  `default`) starts a new conversation; the id to send next time is every message's `recipient_id` and
  the `X-Guichet-Conversation` response header;
- a body that is not a JSON object with a string `message` gets 400 with a clear error (never 500); a
  body that is not `application/json` gets 415, so a cross-site form or `text/plain` POST is refused;
- every message goes through bot.guard (length, hidden characters, signed buttons, personal data) and
  the per-client and per-conversation rate limits (bot.rate_limit);
- button payloads in the reply are signed for this conversation (bot.identity);
- when Rasa produces nothing (the action server is down or failed) or the tracker store failed during
  the turn (bot.tracker_store), the client gets the polite "temporarily unavailable" reply instead of
  an empty list or an answer given without the conversation's context.
"""

from __future__ import annotations

import logging
from asyncio import CancelledError
from typing import Any, Awaitable, Callable, Dict, List, Text

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import action_results, guard, health, rate_limit
from bot.guard import MAX_BODY_BYTES
from bot.identity import conversation_id, sign_payload
from bot.tracker_store import watching_turn

logger = logging.getLogger(__name__)
CONVERSATION_HEADER = "X-Guichet-Conversation"


def error(status: int, message: str) -> HTTPResponse:
    return response.json({"error": message}, status=status)


def signed(messages: List[Dict[str, Any]], conversation: str) -> List[Dict[str, Any]]:
    for message in messages:
        for button in message.get("buttons") or []:
            if isinstance(button.get("payload"), str):
                button["payload"] = sign_payload(button["payload"], conversation)
    return messages


def parse(request: Request) -> Dict[str, Any]:
    """The request's JSON object; raises ValueError with what is wrong, for the client."""
    if len(request.body or b"") > MAX_BODY_BYTES:
        raise ValueError(f"the body is larger than {MAX_BODY_BYTES} bytes")
    try:
        body = request.json
    except Exception:  # Sanic raises its own InvalidUsage on bad JSON
        raise ValueError("the body is not valid JSON")
    if not isinstance(body, dict):
        raise ValueError('the body must be a JSON object: {"sender": "...", "message": "..."}')
    if not isinstance(body.get("message"), str):
        raise ValueError('"message" must be a string')
    return body


class GuichetRestInput(InputChannel):
    """The public REST channel (see the module docstring)."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        action_results.install()
        webhook = Blueprint("guichet_rest", __name__)

        @webhook.route("/", methods=["GET"])
        async def alive(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/health", methods=["GET"])
        async def dependencies(request: Request) -> HTTPResponse:
            status, body = await health.report(getattr(request.app.ctx, "agent", None))
            return response.json(body, status=status)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if (request.content_type or "").split(";")[0].strip().lower() != "application/json":
                return error(415, "send the message as application/json")
            try:
                body = parse(request)
            except ValueError as problem:
                return error(400, str(problem))
            conversation = conversation_id(body.get("sender"))
            metadata = guard.clean_metadata(body.get("metadata"))
            headers = {CONVERSATION_HEADER: conversation}
            limited = rate_limit.check(request.remote_addr or request.ip, conversation)
            if limited:
                return response.json({"error": limited}, status=429, headers=headers)
            screened = guard.screen(body["message"], conversation, metadata)
            if screened.refusal:
                return response.json([{"recipient_id": conversation, "text": screened.refusal}], headers=headers)
            collector = CollectingOutputChannel()
            with watching_turn() as store_failures:
                try:
                    await on_new_message(
                        UserMessage(
                            screened.text, collector, conversation, input_channel=self.name(), metadata=metadata
                        )
                    )
                except CancelledError:
                    logger.error("REST message timed out")
                except Exception:
                    logger.exception("REST message failed")
            messages = (
                collector.messages
                if collector.messages and not store_failures
                else [{"recipient_id": conversation, "text": guard.reply("unavailable", screened.text, metadata)}]
            )
            return response.json(signed(messages, conversation), headers=headers)

        return webhook
