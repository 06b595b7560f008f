/*
 * Guichet chat widget: a small, accessible chat client for Rasa's socket.io channel.
 *
 * - Language: the page's <html lang> ("en" or "fr") labels the widget and is sent with every message
 *   as metadata {"language": ...}; the assistant answers in it.
 * - Safety: every text, the user's and the bot's, is inserted with text nodes (never innerHTML);
 *   http(s) URLs in the bot's text become links built with the DOM (rel="noopener noreferrer").
 * - Persistence: the Rasa session id, the transcript and whether the panel is open are kept in
 *   sessionStorage, so a reload (or switching the page language) continues the same conversation;
 *   the session is re-joined with socket.io's `session_request` (Rasa's session_persistence).
 * - Accessibility: a disclosure button opens a labelled region; new messages are announced by a
 *   role="log" live region; the input and buttons are labelled; Enter sends; Escape closes.
 *
 * Needs socket.io-client's browser build (global `io`), served by Guichet at /web/vendor/socket.io.min.js.
 * Mount point: <div id="guichet-chat" data-socket-path="/socket.io/"></div>
 */
(function () {
  "use strict";

  var STRINGS = {
    en: {
      region: "Chat with Guichet",
      launcher: "Chat with Guichet",
      title: "Guichet",
      subtitle: "Virtual assistant for government services",
      restart: "Start over",
      close: "Close the chat",
      log: "Conversation with Guichet",
      welcome: "Hello! I'm Guichet. Ask me where to get a government service and I'll find the closest office.\n" +
        "For example: \u201cWhere can I get a passport in Calgary?\u201d",
      label: "Your question",
      placeholder: "Type your question",
      send: "Send",
      privacy: "Do not enter personal information (social insurance number, health card number).",
      you: "You said:",
      bot: "Guichet said:",
      choices: "Choose one",
      newTab: "(opens in a new tab)",
      typing: "Guichet is writing\u2026",
      connecting: "Connecting to Guichet\u2026",
      offline: "Guichet cannot be reached right now. Trying again\u2026"
    },
    fr: {
      region: "Clavardage avec Guichet",
      launcher: "Clavarder avec Guichet",
      title: "Guichet",
      subtitle: "Assistant virtuel pour les services gouvernementaux",
      restart: "Recommencer",
      close: "Fermer le clavardage",
      log: "Conversation avec Guichet",
      welcome: "Bonjour! Je suis Guichet. Demandez-moi o\u00f9 obtenir un service gouvernemental et je trouverai le bureau le plus proche.\n" +
        "Par exemple : \u00ab O\u00f9 puis-je obtenir un passeport \u00e0 Calgary? \u00bb",
      label: "Votre question",
      placeholder: "\u00c9crivez votre question",
      send: "Envoyer",
      privacy: "N'entrez pas de renseignements personnels (num\u00e9ro d'assurance sociale, num\u00e9ro de carte sant\u00e9).",
      you: "Vous avez dit :",
      bot: "Guichet a dit :",
      choices: "Choisissez une option",
      newTab: "(s'ouvre dans un nouvel onglet)",
      typing: "Guichet \u00e9crit\u2026",
      connecting: "Connexion \u00e0 Guichet\u2026",
      offline: "Guichet est injoignable pour le moment. Nouvel essai\u2026"
    }
  };
  var STORE_KEY = "guichet-chat-v1";
  var MAX_ENTRIES = 200;
  var MAX_LENGTH = 500;
  var USER_EVENT = "user_uttered";
  var BOT_EVENT = "bot_uttered";
  var URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/g;
  var TRAILING_PUNCTUATION = /[.,;:!?)\]}\u00bb\u201d\u2019]+$/;

  var mount = document.getElementById("guichet-chat");
  if (!mount) { return; }
  var lang = (document.documentElement.lang || "en").slice(0, 2).toLowerCase() === "fr" ? "fr" : "en";
  var t = STRINGS[lang];

  // ---- state, kept in sessionStorage -------------------------------------------------------------
  function load() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(STORE_KEY) || "{}");
      return saved && typeof saved === "object" ? saved : {};
    } catch (error) {
      return {};
    }
  }
  var state = load();
  state.entries = Array.isArray(state.entries) ? state.entries : [];
  state.sessionId = typeof state.sessionId === "string" ? state.sessionId : null;
  state.open = state.open === true;

  function save() {
    try {
      window.sessionStorage.setItem(STORE_KEY, JSON.stringify(state));
    } catch (error) { /* storage full or disabled: the conversation just won't survive a reload */ }
  }

  // ---- DOM helpers: text only ever goes through textContent / text nodes ---------------------------
  function h(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (value === null || value === undefined || value === false) { return; }
      if (key === "text") { node.textContent = value; }
      else if (key === "className") { node.className = value; }
      else if (key.indexOf("on") === 0) { node.addEventListener(key.slice(2), value); }
      else { node.setAttribute(key, value === true ? "" : String(value)); }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function link(url) {
    var parsed;
    try { parsed = new URL(url); } catch (error) { return document.createTextNode(url); }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") { return document.createTextNode(url); }
    return h("a", { href: parsed.href, target: "_blank", rel: "noopener noreferrer" },
      [url, h("span", { className: "gchat-sr", text: " " + t.newTab })]);
  }

  /** The bot's text as text nodes, with its http(s) URLs as links. Line breaks are kept by CSS (pre-line). */
  function richText(text) {
    var fragment = document.createDocumentFragment();
    var last = 0;
    var match;
    URL_PATTERN.lastIndex = 0;
    while ((match = URL_PATTERN.exec(text)) !== null) {
      var url = match[0].replace(TRAILING_PUNCTUATION, "");
      if (!url || url.indexOf("//") === url.length - 2) { continue; }
      if (match.index > last) { fragment.appendChild(document.createTextNode(text.slice(last, match.index))); }
      fragment.appendChild(link(url));
      last = match.index + url.length;
      URL_PATTERN.lastIndex = last;
    }
    if (last < text.length) { fragment.appendChild(document.createTextNode(text.slice(last))); }
    return fragment;
  }

  // ---- the widget's markup ------------------------------------------------------------------------
  var chatIcon = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" ' +
    'd="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm2 5v2h12V8H6zm0 4v2h8v-2H6z"/></svg>';
  var launcher = h("button", {
    type: "button", id: "guichet-launcher", className: "gchat-launcher",
    "aria-expanded": "false", "aria-controls": "guichet-panel"
  }, [t.launcher]);
  launcher.insertAdjacentHTML("afterbegin", chatIcon);  // a constant: no data ever goes through HTML

  var restartButton = h("button", { type: "button", className: "gchat-restart", text: t.restart });
  var closeButton = h("button", { type: "button", className: "gchat-close", "aria-label": t.close, title: t.close },
    [h("span", { "aria-hidden": "true", text: "\u00d7" })]);
  var log = h("div", {
    className: "gchat-log", role: "log", "aria-live": "polite", "aria-relevant": "additions", "aria-label": t.log
  });
  var welcome = h("div", { className: "gchat-msg gchat-bot gchat-welcome" },
    [h("p", { className: "gchat-text", text: t.welcome })]);
  var typing = h("p", { className: "gchat-typing", "aria-hidden": "true", hidden: true, text: t.typing });
  var scroller = h("div", { className: "gchat-scroll", tabindex: "0", role: "group", "aria-label": t.log },
    [welcome, log, typing]);
  var status = h("p", { className: "gchat-status", role: "status" });
  var input = h("input", {
    id: "guichet-input", type: "text", name: "message", autocomplete: "off", maxlength: String(MAX_LENGTH),
    placeholder: t.placeholder, "aria-describedby": "guichet-privacy"
  });
  var sendButton = h("button", { type: "submit", className: "gchat-send", text: t.send });
  var form = h("form", { className: "gchat-form", novalidate: true }, [
    h("label", { "for": "guichet-input", text: t.label }),
    h("div", { className: "gchat-row" }, [input, sendButton]),
    h("p", { id: "guichet-privacy", className: "gchat-privacy", text: t.privacy })
  ]);
  var panel = h("section", {
    id: "guichet-panel", className: "gchat-panel", "aria-labelledby": "guichet-title", hidden: true
  }, [
    h("div", { className: "gchat-head" }, [
      h("h2", { id: "guichet-title" }, [t.title, h("span", { className: "gchat-subtitle", text: t.subtitle })]),
      restartButton, closeButton
    ]),
    scroller, status, form
  ]);
  var aside = h("aside", { className: "gchat", "aria-label": t.region, lang: lang }, [launcher, panel]);
  mount.appendChild(aside);

  // ---- the transcript -----------------------------------------------------------------------------
  function renderEntry(entry) {
    var fromBot = entry.who === "bot";
    var item = h("div", { className: "gchat-msg " + (fromBot ? "gchat-bot" : "gchat-user") },
      [h("span", { className: "gchat-sr", text: (fromBot ? t.bot : t.you) + " " })]);
    if (entry.text) {
      var paragraph = h("p", { className: "gchat-text" });
      paragraph.appendChild(fromBot ? richText(entry.text) : document.createTextNode(entry.text));
      item.appendChild(paragraph);
    }
    if (fromBot && entry.buttons && entry.buttons.length) {
      var group = h("div", { className: "gchat-choices", role: "group", "aria-label": t.choices });
      entry.buttons.forEach(function (button) {
        group.appendChild(h("button", {
          type: "button", className: "gchat-choice", text: button.title,
          onclick: function () { send(button.title, button.payload); input.focus(); }
        }));
      });
      item.appendChild(group);
    }
    return item;
  }

  function scrollToEnd() { scroller.scrollTop = scroller.scrollHeight; }

  function addEntry(entry) {
    state.entries.push(entry);
    if (state.entries.length > MAX_ENTRIES) { state.entries.splice(0, state.entries.length - MAX_ENTRIES); }
    save();
    log.appendChild(renderEntry(entry));
    scrollToEnd();
  }

  function restoreTranscript() {
    var fragment = document.createDocumentFragment();
    state.entries.forEach(function (entry) { fragment.appendChild(renderEntry(entry)); });
    log.setAttribute("aria-busy", "true");  // do not read the whole history out again
    log.appendChild(fragment);
    log.removeAttribute("aria-busy");
  }

  function setStatus(text) { status.textContent = text || ""; }
  function showTyping(shown) { typing.hidden = !shown; if (shown) { scrollToEnd(); } }

  // ---- the socket -----------------------------------------------------------------------------------
  var socket = null;
  var ready = false;
  var outbox = [];

  function flush() {
    if (!socket || !ready) { return; }
    while (outbox.length) {
      var message = outbox.shift();
      message.session_id = state.sessionId;
      socket.emit(USER_EVENT, message);
    }
  }

  function onBotMessage(message) {
    if (!message || typeof message !== "object") { return; }
    var text = typeof message.text === "string" ? message.text : "";
    var buttons = (Array.isArray(message.quick_replies) ? message.quick_replies :
      Array.isArray(message.buttons) ? message.buttons : [])
      .filter(function (button) { return button && button.title !== undefined && button.title !== null; })
      .map(function (button) {
        return { title: String(button.title), payload: String(button.payload !== undefined ? button.payload : button.title) };
      });
    var attachment = message.attachment;
    if (attachment && attachment.type === "image" && attachment.payload && typeof attachment.payload.src === "string") {
      text += (text ? "\n" : "") + attachment.payload.src;
    }
    if (!text && !buttons.length) { return; }
    showTyping(false);
    addEntry({ who: "bot", text: text, buttons: buttons });
  }

  function connect() {
    if (socket) { return; }
    if (typeof window.io !== "function") { setStatus(t.offline); return; }
    // WebSocket first: one connection stays with one Rasa process when several serve the chat
    // (production profile); long polling remains the fallback where a proxy blocks WebSockets.
    socket = window.io({ path: mount.getAttribute("data-socket-path") || "/socket.io/",
                         transports: ["websocket", "polling"] });
    window.setTimeout(function () { if (!ready) { setStatus(t.connecting); } }, 1500);
    socket.on("connect", function () {
      ready = false;
      socket.emit("session_request", { session_id: state.sessionId });
    });
    socket.on("session_confirm", function (data) {
      var sessionId = typeof data === "string" ? data : data && data.session_id;
      if (typeof sessionId !== "string") { return; }
      state.sessionId = sessionId;
      save();
      ready = true;
      setStatus("");
      flush();
    });
    socket.on(BOT_EVENT, onBotMessage);
    socket.on("disconnect", function () { ready = false; setStatus(t.offline); });
    socket.on("connect_error", function () { ready = false; setStatus(t.offline); });
  }

  function send(text, payload) {
    text = String(text || "").trim().slice(0, MAX_LENGTH);
    if (!text) { return; }
    addEntry({ who: "user", text: text });
    outbox.push({ message: payload || text, metadata: { language: lang } });
    showTyping(true);
    connect();
    flush();
  }

  function restart() {
    state.entries = [];
    state.sessionId = null;
    save();
    outbox = [];
    log.textContent = "";
    showTyping(false);
    if (socket && socket.connected) {
      ready = false;
      socket.emit("session_request", { session_id: null });  // a new, empty conversation
    }
    input.focus();
  }

  // ---- opening and closing --------------------------------------------------------------------------
  function setOpen(open, moveFocus) {
    state.open = open;
    save();
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) {
      connect();
      scrollToEnd();
      if (moveFocus) { input.focus(); }
    } else if (moveFocus) {
      launcher.focus();
    }
  }

  launcher.addEventListener("click", function () { setOpen(panel.hidden, true); });
  closeButton.addEventListener("click", function () { setOpen(false, true); });
  restartButton.addEventListener("click", restart);
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); setOpen(false, true); }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = "";
    send(text);
    input.focus();
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-guichet-open]"), function (button) {
    button.setAttribute("aria-controls", "guichet-panel");
    button.addEventListener("click", function () { setOpen(true, true); });
  });

  restoreTranscript();
  setOpen(state.open, false);
}());
