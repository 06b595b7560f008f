"""Serves the demo web page and its chat widget on Rasa's own port, at /web/ (so page and socket are same-origin).

Registered in credentials.yml as `bot.web_channel.WebPageChannel:`. It receives no messages: the widget
talks to the socket.io channel (bot/socket_channel.py). It serves, read-only:

- the files under bot/web/ (`/web/` is bot/web/index.html, `/web/fr/` bot/web/fr/index.html), and
- the front-end packages the page needs, from node_modules/ (installed by `npm ci` from package.json):
  `/web/vendor/socket.io.min.js`.

The staff page for live handoff (bot/web/staff/, at `/web/staff/`) exists only when GUICHET_STAFF_TOKEN
is set: otherwise its files answer 404, as if they were not there. The page holds no secret itself
(the credential is typed and checked by the `/staff` socket), but an assistant without staff should
not advertise a staff door.

Every response carries a Content-Security-Policy that only allows this origin's scripts, styles,
images and socket, so even a rendering bug could not run injected script or load anything from
the internet.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import settings
from bot.models import REPO_ROOT

WEB_ROOT = REPO_ROOT / "bot" / "web"
NODE_MODULES = REPO_ROOT / "node_modules"
# URL name under /web/vendor/ -> file in node_modules/
VENDOR_FILES = {
    "socket.io.min.js": "socket.io-client/dist/socket.io.min.js",
    "socket.io.min.js.map": "socket.io-client/dist/socket.io.min.js.map",
}
SERVED_TYPES = {".html", ".css", ".js", ".svg", ".ico", ".png", ".map", ".txt"}
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-cache",
}


def resolve(root: Path, relative: str) -> Optional[Path]:
    """The file `relative` names under `root`, or None when it is missing, hidden or outside `root`."""
    if any(part.startswith(".") for part in Path(relative).parts):
        return None
    candidate = (root / relative).resolve()
    if candidate.is_dir():
        candidate = candidate / "index.html"
    try:
        candidate.relative_to(root.resolve())
    except ValueError:
        return None
    return candidate if candidate.is_file() and candidate.suffix in SERVED_TYPES else None


def staff_only(web_root: Path, relative: str, path: Optional[Path]) -> bool:
    """Whether a request is for the staff page, by its URL or by the file it resolves to."""
    staff = (web_root / "staff").resolve()
    return Path(relative).parts[:1] == ("staff",) or (path is not None and path.is_relative_to(staff))


async def send_file(path: Optional[Path]) -> HTTPResponse:
    if path is None:
        return response.text("Not found", status=404, headers=SECURITY_HEADERS)
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if content_type.startswith("text/") or content_type in ("application/javascript", "image/svg+xml"):
        content_type += "; charset=utf-8"
    return response.raw(path.read_bytes(), content_type=content_type, headers=SECURITY_HEADERS)


class WebPageChannel(InputChannel):
    """A read-only "channel" whose blueprint serves the widget page at /web/."""

    @classmethod
    def name(cls) -> Text:
        return "web"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}
        return cls(credentials.get("web_root"), credentials.get("node_modules"))

    def __init__(self, web_root: Optional[str] = None, node_modules: Optional[str] = None) -> None:
        self.web_root = Path(web_root) if web_root else WEB_ROOT
        self.node_modules = Path(node_modules) if node_modules else NODE_MODULES

    def url_prefix(self) -> Text:
        # An absolute path: `rasa run` joins it onto /webhooks/, which keeps it as it is.
        return "/web"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        web = Blueprint("guichet_web_page", __name__)

        @web.route("/", methods=["GET"])
        async def index(request: Request) -> HTTPResponse:
            if not request.path.endswith("/"):
                return response.redirect("/web/")
            return await send_file(resolve(self.web_root, "index.html"))

        @web.route("/vendor/<name>", methods=["GET"])
        async def vendor(_: Request, name: str) -> HTTPResponse:
            if name not in VENDOR_FILES:
                return await send_file(None)
            path = self.node_modules / VENDOR_FILES[name]
            if not path.is_file():
                return response.text(
                    f"{VENDOR_FILES[name]} is missing from node_modules/: run `npm ci`",
                    status=500,
                    headers=SECURITY_HEADERS,
                )
            return await send_file(path)

        @web.route("/<relative:path>", methods=["GET"])
        async def files(request: Request, relative: str) -> HTTPResponse:
            relative = relative if relative.strip("/") else ""
            path = resolve(self.web_root, relative or "index.html")
            if not settings.staff_token() and staff_only(self.web_root, relative, path):
                return await send_file(None)
            if relative and not request.path.endswith("/") and (self.web_root / relative).is_dir():
                return response.redirect(request.path + "/")  # so that relative links resolve
            return await send_file(path)

        return web
