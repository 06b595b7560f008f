/*
 * Guichet staff page: take a waiting conversation, answer the client live, hand it back or close it.
 *
 * - Credential: typed, kept in memory only, and sent in the socket.io `auth` of the /staff namespace
 *   (never in a URL, never in storage); the server compares it with GUICHET_STAFF_TOKEN.
 * - Safety: client text is masked by the server and inserted here with text nodes only (never
 *   innerHTML), so nothing a client types can run or restyle this page.
 * - Accessibility: each conversation is a labelled list item with a "Take" button naming its
 *   reference; the open conversation is a role="log" live region; status changes go to role="status".
 */
(function () {
  "use strict";

  var LANGUAGES = { en: "English", fr: "French" };
  var WHO = { user: "Client", client: "Client", bot: "Guichet", staff: "Staff" };

  var status = document.getElementById("staff-status");
  var signin = document.getElementById("staff-signin");
  var desk = document.getElementById("staff-desk");
  var waiting = document.getElementById("waiting");
  var taken = document.getElementById("taken");
  var pane = document.getElementById("conversation");
  var heading = document.getElementById("conversation-heading");
  var about = document.getElementById("conversation-about");
  var log = document.getElementById("conversation-log");
  var replyForm = document.getElementById("reply-form");
  var reply = document.getElementById("reply");
  var socket = null;
  var me = "";
  var current = null;  // the reference of the conversation this page holds

  function h(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (value === null || value === undefined || value === false) { return; }
      if (key === "text") { node.textContent = value; }
      else if (key === "className") { node.className = value; }
      else if (key.indexOf("on") === 0) { node.addEventListener(key.slice(2), value); }
      else { node.setAttribute(key, String(value)); }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function say(text) { status.textContent = text || ""; }

  function since(iso) {
    var then = new Date(iso);
    if (isNaN(then.getTime())) { return String(iso); }
    var minutes = Math.max(0, Math.round((Date.now() - then.getTime()) / 60000));
    return then.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) + " (" + minutes + " min)";
  }

  function turn(who, actor, text) {
    var label = who === "staff" && actor ? actor + " (staff)" : (WHO[who] || String(who));
    return [h("span", { className: "staff-who", text: label + ": " }), String(text || "")];
  }

  function transcript(turns, lang) {
    var list = h("ol", { className: "staff-turns", lang: lang });
    (turns || []).forEach(function (t) { list.appendChild(h("li", {}, turn(t.who, t.actor, t.text))); });
    return list;
  }

  function card(row) {
    var title = row.reference;
    var facts = h("dl", {}, [
      h("dt", { text: "Waiting since" }), h("dd", { text: since(row.since) }),
      h("dt", { text: "Language" }), h("dd", { text: LANGUAGES[row.language] || row.language }),
      h("dt", { text: "Province" }), h("dd", { text: row.province || "not known" })
    ]);
    var children = [h("h3", { text: title }), facts];
    if (row.status === "taken") {
      facts.appendChild(h("dt", { text: "With" }));
      facts.appendChild(h("dd", { text: row.taken_by }));
    }
    var details = h("details", {}, [h("summary", { text: "Transcript of " + title }), transcript(row.transcript, row.language)]);
    children.push(details);
    if (row.status === "open") {
      children.push(h("button", { type: "button", className: "gc-button", text: "Take " + title,
        "data-reference": title, onclick: function () { take(title); } }));
    } else if (row.taken_by === me && current !== title) {
      children.push(h("button", { type: "button", className: "staff-secondary", text: "Resume " + title,
        "data-reference": title, onclick: function () { take(title); } }));
    }
    return h("li", { "data-reference": title }, children);
  }

  function renderBoard(board) {
    if (!Array.isArray(board)) { return; }
    waiting.textContent = "";
    taken.textContent = "";
    board.forEach(function (row) { (row.status === "open" ? waiting : taken).appendChild(card(row)); });
    document.getElementById("waiting-empty").hidden = waiting.children.length > 0;
    document.getElementById("taken-empty").hidden = taken.children.length > 0;
  }

  function append(who, actor, text) {
    log.appendChild(h("p", {}, turn(who, actor, text)));
    log.scrollTop = log.scrollHeight;
  }

  function open(conversation) {
    current = conversation.reference;
    heading.textContent = "Conversation " + conversation.reference;
    about.textContent = (LANGUAGES[conversation.language] || conversation.language) +
      (conversation.province ? ", " + conversation.province : "") + ". You are answering as " + me + ".";
    log.textContent = "";
    log.setAttribute("lang", conversation.language || "en");
    log.setAttribute("aria-busy", "true");
    (conversation.transcript || []).forEach(function (t) { append(t.who, t.actor, t.text); });
    (conversation.messages || []).forEach(function (m) { append(m.who, m.actor, m.text); });
    log.removeAttribute("aria-busy");
    pane.hidden = false;
    reply.focus();
  }

  function take(reference) {
    socket.emit("take", { reference: reference }, function (answer) {
      if (answer && answer.ok) {
        open(answer.conversation);
        say("You have taken " + reference + ". The bot is silent until you hand it back.");
      } else {
        say(reference + " is no longer waiting" + (answer && answer.taken_by ? ": " + answer.taken_by + " has it." : "."));
      }
    });
  }

  function end(event) {
    if (!current) { return; }
    var reference = current;
    socket.emit(event, { reference: reference }, function (answer) {
      if (answer && answer.ok) {
        current = null;
        pane.hidden = true;
        say(event === "hand_back" ? reference + " is back with Guichet." : reference + " is closed.");
        document.getElementById("waiting-heading").focus();
      } else {
        say("Could not end " + reference + ".");
      }
    });
  }

  function connect(name, token) {
    me = name;
    socket = window.io("/staff", { path: "/socket.io/", transports: ["websocket", "polling"],
                                   auth: { name: name, token: token } });
    socket.on("connect", function () {
      signin.hidden = true;
      desk.hidden = false;
      say("Signed in as " + me + ".");
      socket.emit("refresh", null, function (answer) { if (answer) { renderBoard(answer.board); } });
    });
    socket.on("connect_error", function (error) {
      say("Cannot sign in: " + (error && error.message ? error.message : "the server refused") + ".");
      if (!socket.active) { socket = null; signin.hidden = false; desk.hidden = true; }
    });
    socket.on("disconnect", function () { say("Connection lost. Reconnecting\u2026"); });
    socket.on("board", renderBoard);
    socket.on("said", function (message) {
      if (message && message.reference === current) { append(message.who, message.actor, message.text); }
    });
  }

  signin.addEventListener("submit", function (event) {
    event.preventDefault();
    var name = document.getElementById("staff-name").value.trim();
    var token = document.getElementById("staff-token");
    if (!name || !token.value || typeof window.io !== "function") { return; }
    connect(name, token.value);
    token.value = "";
  });

  replyForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = reply.value.trim();
    if (!text || !current) { return; }
    var reference = current;
    socket.emit("send", { reference: reference, text: text }, function (answer) {
      if (answer && answer.ok) {
        if (reference === current) { append("staff", me, text); }
      } else {
        say("Not sent: " + (answer && answer.error ? answer.error : "no answer from the server") + ".");
        reply.value = text;
      }
    });
    reply.value = "";
    reply.focus();
  });
  document.getElementById("hand-back").addEventListener("click", function () { end("hand_back"); });
  document.getElementById("close-conversation").addEventListener("click", function () { end("close"); });
}());
