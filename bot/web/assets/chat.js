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
 * - Feedback: the bot's /feedback buttons become a "Was this helpful?" block (Yes / No, then an
 *   optional comment sent as metadata `feedback_comment`); the vote is kept in the transcript entry.
 *
 * - Live handoff: while the client waits for a person, the server pushes `handoff_status` (place in
 *   line, estimated wait, or the phone number after hours), shown in a status line; a staff member's
 *   replies arrive as `bot_uttered` with a `staff` name and are labelled as theirs, as text like any other.
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
      offline: "Guichet cannot be reached right now. Trying again\u2026",
      feedbackQuestion: "Was this helpful?",
      feedbackYes: "Yes",
      feedbackYesName: "Yes, this helped",
      feedbackNo: "No",
      feedbackNoName: "No, this did not help",
      feedbackComment: "What were you looking for? (optional)",
      feedbackSend: "Send",
      feedbackSendName: "Send feedback",
      feedbackSkip: "Skip",
      feedbackSkipName: "Skip the comment",
      feedbackThanks: "Thanks for your feedback"
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
      offline: "Guichet est injoignable pour le moment. Nouvel essai\u2026",
      feedbackQuestion: "Cette r\u00e9ponse vous a-t-elle aid\u00e9?",
      feedbackYes: "Oui",
      feedbackYesName: "Oui, cela m'a aid\u00e9",
      feedbackNo: "Non",
      feedbackNoName: "Non, cela ne m'a pas aid\u00e9",
      feedbackComment: "Que cherchiez-vous? (facultatif)",
      feedbackSend: "Envoyer",
      feedbackSendName: "Envoyer l'avis",
      feedbackSkip: "Passer",
      feedbackSkipName: "Passer le commentaire",
      feedbackThanks: "Merci de votre avis"
    }
  };
  var HANDOFF_STRINGS = {
    en: {
      waiting: "You are number {position} in line for a person. Estimated wait: about {wait} min. Reference {reference}.",
      after_hours: "No agent can chat now. Call 1 800 O-Canada at 1-800-622-6232 (TTY 1-800-926-9105) and give reference {reference}.",
      taken: "You are chatting with {staff}, an agent. Reference {reference}.",
      staff: "{staff} (agent)",
      staffSaid: "{staff} (agent) said:"
    },
    fr: {
      waiting: "Vous \u00eates num\u00e9ro {position} dans la file pour parler \u00e0 une personne. Attente estim\u00e9e : environ {wait} min. R\u00e9f\u00e9rence {reference}.",
      after_hours: "Aucun agent ne peut clavarder en ce moment. Appelez 1 800 O-Canada au 1-800-622-6232 (ATS 1-800-926-9105) en donnant la r\u00e9f\u00e9rence {reference}.",
      taken: "Vous clavardez avec {staff}, un agent. R\u00e9f\u00e9rence {reference}.",
      staff: "{staff} (agent)",
      staffSaid: "{staff} (agent) a dit :"
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
  var th = HANDOFF_STRINGS[lang];

  /** A template's {names} replaced by values, as plain text (the result only ever goes to textContent). */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return values[key] !== undefined && values[key] !== null ? String(values[key]) : whole;
    });
  }

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
    var fromStaff = entry.who === "staff";
    var fromBot = entry.who === "bot" || fromStaff;
    var item = h("div", { className: "gchat-msg " + (fromBot ? "gchat-bot" : "gchat-user") + (fromStaff ? " gchat-staff" : "") },
      [fromStaff ? h("p", { className: "gchat-staff-name" }, [
        h("span", { "aria-hidden": "true", text: fill(th.staff, { staff: entry.staff }) }),
        h("span", { className: "gchat-sr", text: fill(th.staffSaid, { staff: entry.staff }) + " " })])
        : h("span", { className: "gchat-sr", text: (fromBot ? t.bot : t.you) + " " })]);
    if (entry.text) {
      var paragraph = h("p", { className: "gchat-text" });
      paragraph.appendChild(fromBot ? richText(entry.text) : document.createTextNode(entry.text));
      item.appendChild(paragraph);
    }
    if (fromBot && entry.buttons && entry.buttons.length) {
      var choices = entry.buttons.filter(function (button) { return !feedbackVote(button); });
      var votes = entry.buttons.filter(feedbackVote);
      if (choices.length) {
        var group = h("div", { className: "gchat-choices", role: "group", "aria-label": t.choices });
        choices.forEach(function (button) {
          group.appendChild(h("button", {
            type: "button", className: "gchat-choice", text: button.title,
            onclick: function () { send(button.title, button.payload); input.focus(); }
          }));
        });
        item.appendChild(group);
      }
      if (votes.length) { item.appendChild(feedbackBlock(entry, votes)); }
    }
    return item;
  }

  // ---- "Was this helpful?" under an answer ----------------------------------------------------------
  // The bot offers two buttons, /feedback{"helpful":"yes"|"no","answer_ref":...} (signed by the channel);
  // they are sent exactly as received. A comment on "no" goes as metadata (feedback_comment). The vote
  // is kept in the transcript entry (entry.feedback), so a restored transcript cannot vote twice.
  var FEEDBACK_PAYLOAD = /^\/feedback\{.*"helpful"\s*:\s*"(yes|no)"/;
  var MAX_COMMENT = 200;
  var feedbackBlocks = 0;

  /** "yes" or "no" for one of the bot's feedback buttons, else null (an ordinary choice). */
  function feedbackVote(button) {
    var match = FEEDBACK_PAYLOAD.exec(button.payload || "");
    return match ? match[1] : null;
  }

  function feedbackThanks() {
    return h("p", { className: "gchat-feedback-done", text: t.feedbackThanks });
  }

  function feedbackBlock(entry, votes) {
    if (entry.feedback) { return feedbackThanks(); }
    feedbackBlocks += 1;
    var questionId = "guichet-feedback-q" + feedbackBlocks;
    var commentId = "guichet-feedback-c" + feedbackBlocks;
    var block = h("div", { className: "gchat-feedback", role: "group", "aria-labelledby": questionId },
      [h("p", { id: questionId, className: "gchat-feedback-q", text: t.feedbackQuestion })]);
    var no = votes.filter(function (button) { return feedbackVote(button) === "no"; })[0];

    function vote(button, comment) {
      if (entry.feedback) { return; }
      entry.feedback = feedbackVote(button);
      save();
      if (block.parentNode) { block.parentNode.replaceChild(feedbackThanks(), block); }  // announced by the log
      send(button.title, button.payload, comment ? { feedback_comment: comment } : null);  // saves the entry too
      input.focus();
    }

    var field = h("input", {
      id: commentId, type: "text", className: "gchat-feedback-input", autocomplete: "off",
      maxlength: String(MAX_COMMENT), "aria-describedby": "guichet-privacy"
    });
    var more = h("form", {
      className: "gchat-feedback-more", novalidate: true, hidden: true,
      onsubmit: function (event) {
        event.preventDefault();
        vote(no, field.value.trim().slice(0, MAX_COMMENT));
      }
    }, [
      h("label", { "for": commentId, text: t.feedbackComment }),
      field,
      h("div", { className: "gchat-feedback-actions" }, [
        h("button", { type: "submit", "aria-label": t.feedbackSendName, text: t.feedbackSend }),
        h("button", {
          type: "button", "aria-label": t.feedbackSkipName, text: t.feedbackSkip,
          onclick: function () { vote(no, ""); }
        })
      ])
    ]);
    var buttons = h("div", { className: "gchat-feedback-votes" });
    votes.forEach(function (button) {
      var helpful = feedbackVote(button) === "yes";
      buttons.appendChild(h("button", {
        type: "button", className: "gchat-vote",
        "aria-label": helpful ? t.feedbackYesName : t.feedbackNoName,
        text: helpful ? t.feedbackYes : t.feedbackNo,
        onclick: function () {
          if (helpful || !no) { vote(button, ""); return; }
          buttons.hidden = true;  // "no": the optional comment, then Send or Skip
          more.hidden = false;
          field.focus();
          more.scrollIntoView({ block: "nearest" });
        }
      }));
    });
    block.appendChild(buttons);
    block.appendChild(more);
    return block;
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
  function showTyping(shown) {
    shown = shown && !(state.handoff && state.handoff.state === "taken");  // a person answers: no "Guichet is writing"
    typing.hidden = !shown;
    if (shown) { scrollToEnd(); }
  }

  // ---- live handoff: place in line, then a person -----------------------------------------------------
  var queueNote = h("p", { className: "gchat-queue", role: "status", hidden: true });
  panel.insertBefore(queueNote, form);

  function renderQueue() {
    var status = state.handoff;
    var template = status && { waiting: th.waiting, after_hours: th.after_hours, taken: th.taken }[status.state];
    queueNote.textContent = template ? fill(template, status) : "";
    queueNote.hidden = !queueNote.textContent;
  }

  function onHandoffStatus(status) {
    if (!status || typeof status !== "object" || typeof status.state !== "string") { return; }
    var keep = { waiting: true, after_hours: true, taken: true };
    state.handoff = keep[status.state] ? {
      state: status.state, reference: String(status.reference || ""), position: Number(status.position) || null,
      wait: Number(status.wait_minutes) || null, staff: String(status.staff || "").slice(0, 40)
    } : null;
    save();
    if (state.handoff && state.handoff.state === "taken") { showTyping(false); }
    renderQueue();
  }

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
    if (typeof message.staff === "string" && text) {  // a person's reply: text only, never buttons
      showTyping(false);
      addEntry({ who: "staff", staff: message.staff.slice(0, 40), text: text });
      return;
    }
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
    socket.on("handoff_status", onHandoffStatus);
    socket.on("disconnect", function () { ready = false; setStatus(t.offline); });
    socket.on("connect_error", function () { ready = false; setStatus(t.offline); });
  }

  /** Sends a message (a button's payload, as received, when given); `extra` adds to the page's metadata. */
  function send(text, payload, extra) {
    text = String(text || "").trim().slice(0, MAX_LENGTH);
    if (!text) { return; }
    addEntry({ who: "user", text: text });
    var metadata = { language: lang };
    Object.keys(extra || {}).forEach(function (key) { metadata[key] = extra[key]; });
    outbox.push({ message: payload || text, metadata: metadata });
    showTyping(true);
    connect();
    flush();
  }

  function restart() {
    state.entries = [];
    state.sessionId = null;
    state.handoff = null;
    renderQueue();
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
  renderQueue();
  setOpen(state.open, false);
}());
