// Live session (the live page and the room screen): join the session's group on the hub (the room screen joins
// the session's screen group, with its screen link's key when nobody is signed in). A vote message carries the
// member's line of the roll call: it is applied in place and the tally recounted, with no request. Any other
// change (or a reconnect) fetches the panel again. Works without it: forms post normally.
// A message sent between the server rendering this page and the page joining the group would be lost, so once
// joined the page fetches the panel one time before it calls itself live.
// Only what changed is announced (the tally, a result) in one small status region; the panel itself is not a
// live region. The connection state shown is the true one: connecting, connected, reconnecting, offline.
(function () {
  "use strict";
  var root = document.getElementById("live");
  var status = document.getElementById("live-status");
  var announcer = document.getElementById("live-announce");
  if (!root || typeof signalR === "undefined") { return; }
  var sessionId = root.getAttribute("data-session");
  var panelUrl = root.getAttribute("data-panel-url");
  var screen = root.getAttribute("data-mode") === "screen";
  var key = root.getAttribute("data-key") || null;
  var current = null, again = false, state = "connecting", revoked = false;

  // --- connection state, in the page's language -------------------------------------------------------------
  function show(next) {
    if (revoked) { next = "revoked"; }
    state = next;
    root.setAttribute("data-live", next);
    if (status) {
      status.setAttribute("data-state", next);
      status.textContent = status.getAttribute("data-l-" + next) || next;
    }
  }

  var announceTimer = null;
  function announce(text) {
    if (!announcer || !text) { return; }
    // Several votes in a second are announced once, with the latest figures.
    if (announceTimer) { clearTimeout(announceTimer); }
    announceTimer = setTimeout(function () { announcer.textContent = text; announceTimer = null; }, 700);
  }

  function format(template, args) {
    return String(template || "").replace(/\{(\d+)\}/g, function (_, i) { return args[+i] !== undefined ? String(args[+i]) : ""; });
  }

  function closedResults() {
    var seen = {};
    root.querySelectorAll("[data-ballot] [data-testid='ballot-result']").forEach(function (el) {
      var b = el.closest("[data-ballot]");
      if (b) { seen[b.getAttribute("data-ballot")] = el.textContent.trim(); }
    });
    return seen;
  }

  // --- the panel ------------------------------------------------------------------------------------------------
  // The fields of the panel's forms the person has changed (and not yet sent), by id.
  function typed() {
    var kept = [];
    root.querySelectorAll("input[id], textarea[id], select[id]").forEach(function (el) {
      if (el.type === "hidden" || el.type === "submit") { return; }
      var changed = el.type === "checkbox" || el.type === "radio" ? el.checked !== el.defaultChecked
        : el.tagName === "SELECT" ? Array.prototype.some.call(el.options, function (o) { return o.selected !== o.defaultSelected; })
        : el.value !== el.defaultValue;
      if (changed) { kept.push({ id: el.id, value: el.value, checked: el.checked }); }
    });
    return kept;
  }

  function refresh() {
    if (current) { again = true; return current; }
    current = fetch(panelUrl, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (r) {
        if (r.status === 404 && screen && key) { revoked = true; return Promise.reject(r.status); }
        return r.ok ? r.text() : Promise.reject(r.status);
      })
      .then(function (html) {
        // What the person is typing survives the refresh: the fields they changed (by id) get their value back,
        // and the keyboard focus and caret stay where they were if the element is still there.
        var active = document.activeElement;
        var focused = active && root.contains(active) ? (active.id ? "#" + active.id : active.getAttribute("data-testid")) : null;
        var caret = active && typeof active.selectionStart === "number" ? [active.selectionStart, active.selectionEnd] : null;
        var kept = typed();
        var before = closedResults();
        var answer = root.querySelector("[data-testid='vote-answer']");
        var answerState = answer && answer.getAttribute("data-pending") ? { html: answer.innerHTML, pending: answer.getAttribute("data-pending") } : null;
        // A folded or unfolded section stays as the person left it; a form the server sent back with its refusal
        // (data-keep: the message beside the field, the text kept) stays as it is until it is sent again.
        var folds = {};
        root.querySelectorAll("details[id]").forEach(function (d) { folds[d.id] = d.open; });
        var keep = Array.prototype.slice.call(root.querySelectorAll("[data-keep][id]"));
        root.innerHTML = html;
        Object.keys(folds).forEach(function (id) {
          var d = document.getElementById(id);
          if (d && root.contains(d) && d.tagName === "DETAILS") { d.open = folds[id]; }
        });
        keep.forEach(function (old) {
          var fresh = document.getElementById(old.id);
          if (fresh && root.contains(fresh)) { fresh.parentNode.replaceChild(old, fresh); }
        });
        kept.forEach(function (k) {
          var el = document.getElementById(k.id);
          if (!el || !root.contains(el)) { return; }
          if (el.type === "checkbox" || el.type === "radio") { el.checked = k.checked; } else { el.value = k.value; }
        });
        if (answerState) {
          // A vote not yet sent (offline, waiting for a retry) keeps its message and its retry button.
          var fresh = root.querySelector("[data-testid='vote-answer']");
          if (fresh) { fresh.innerHTML = answerState.html; fresh.setAttribute("data-pending", answerState.pending); }
        }
        if (focused) {
          var back = focused.charAt(0) === "#" ? document.getElementById(focused.slice(1)) : root.querySelector('[data-testid="' + focused + '"]');
          if (back && root.contains(back)) {
            back.focus();
            if (caret && typeof back.setSelectionRange === "function") {
              try { back.setSelectionRange(caret[0], caret[1]); } catch (e) { /* not a text field */ }
            }
          }
        }
        var after = closedResults();
        Object.keys(after).forEach(function (id) { if (!before.hasOwnProperty(id)) { announce(after[id]); } });
        countdown();
        root.dispatchEvent(new CustomEvent("panel:refreshed", { bubbles: true }));
      })
      .catch(function () { show(revoked ? "revoked" : (navigator.onLine === false ? "offline" : state)); })
      .then(function () {
        current = null;
        if (again) { again = false; return refresh(); }
      });
    return current;
  }

  function recount(panel) {
    var counts = { For: 0, Against: 0, Abstain: 0, none: 0 };
    panel.querySelectorAll("td[data-vote]").forEach(function (cell) {
      var v = cell.getAttribute("data-vote");
      if (counts.hasOwnProperty(v) && v !== "none") { counts[v]++; } else { counts.none++; }
    });
    [["tally-for", counts.For], ["tally-against", counts.Against], ["tally-abstain", counts.Abstain], ["tally-none", counts.none]].forEach(function (pair) {
      panel.querySelectorAll('[data-testid="' + pair[0] + '"]').forEach(function (el) { el.textContent = String(pair[1]); });
    });
    if (announcer) {
      announce(format(announcer.getAttribute("data-l-tally"), [counts.For, counts.Against, counts.Abstain, counts.none]));
    }
  }

  // Applies one cast to the open ballot shown; false when it cannot (another ballot, an unknown line): the caller
  // then fetches the whole panel.
  function applyVote(m) {
    var panel = root.querySelector(".live-panel");
    if (!panel || !m || m.what !== "vote" || panel.getAttribute("data-open-ballot") !== m.ballotId) { return false; }
    var row = panel.querySelector('tr[data-member="' + m.membershipId + '"] td[data-vote]');
    if (!row) { return false; }
    var seen = parseInt(row.getAttribute("data-changes") || "-1", 10);
    if (m.changes <= seen) { return true; } // an older message arriving late
    var label = panel.getAttribute("data-l-" + String(m.choice).toLowerCase()) || m.choice;
    row.textContent = label + (m.recordedBySecretary ? " (" + (panel.getAttribute("data-l-recorded") || "") + ")" : "");
    row.setAttribute("data-vote", m.choice);
    row.setAttribute("data-changes", String(m.changes));
    // Who has not voted (the presiding person's list): the member leaves it.
    panel.querySelectorAll('[data-not-voted="' + m.membershipId + '"]').forEach(function (li) { li.parentNode.removeChild(li); });
    recount(panel);
    if (panel.getAttribute("data-me") === m.membershipId) {
      var mine = panel.querySelector('[data-testid="my-vote"]');
      if (mine) { mine.textContent = label; }
    }
    return true;
  }

  function onChanged(message) {
    if (!current && applyVote(message)) { return; }
    refresh();
  }

  // --- the announced closing time --------------------------------------------------------------------------------
  function countdown() {
    root.querySelectorAll("[data-closes-at]").forEach(function (el) {
      var out = el.querySelector("[data-countdown]");
      var panel = el.closest(".live-panel");
      if (!out || !panel) { return; }
      var left = Math.round((Date.parse(el.getAttribute("data-closes-at")) - Date.now()) / 1000);
      if (isNaN(left)) { return; }
      if (left <= 0) { out.textContent = panel.getAttribute("data-l-due") || ""; return; }
      var mm = Math.floor(left / 60), ss = left % 60;
      out.textContent = format(panel.getAttribute("data-l-left"), [mm + ":" + (ss < 10 ? "0" : "") + ss]);
    });
  }
  setInterval(countdown, 1000);
  countdown();

  // --- casting a vote without a reload --------------------------------------------------------------------------
  function newKey() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  function zoneTime(date, zone) {
    try {
      var time = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(date);
      var name = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" }).formatToParts(date)
        .filter(function (p) { return p.type === "timeZoneName"; }).map(function (p) { return p.value; })[0] || "GMT";
      var offset = name === "GMT" ? "+00:00" : name.replace("GMT", "");
      return time + " (UTC" + offset + ")";
    } catch (e) {
      return date.toISOString().substring(11, 19) + " (UTC)";
    }
  }

  function send(form, answer, choice, idempotencyKey) {
    var panel = root.querySelector(".live-panel");
    var zone = (panel && panel.getAttribute("data-zone")) || "UTC";
    var token = form.querySelector('input[name="__RequestVerificationToken"]');
    answer.setAttribute("data-pending", choice + "|" + idempotencyKey);
    answer.textContent = form.getAttribute("data-l-sending") || "…";
    form.setAttribute("aria-busy", "true");
    return fetch(form.getAttribute("data-api"), {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "Idempotency-Key": idempotencyKey,
        "RequestVerificationToken": token ? token.value : "",
        "Accept-Language": document.documentElement.lang || "ru"
      },
      body: JSON.stringify({ choice: choice })
    }).then(function (r) {
      // The panel may have been refreshed while the vote was on its way: answer in the element shown now.
      answer = shown(answer);
      if (r.ok) {
        var at = r.headers.get("Date") ? new Date(r.headers.get("Date")) : new Date();
        var label = form.getAttribute("data-l-" + choice.toLowerCase()) || choice;
        answer.removeAttribute("data-pending");
        answer.className = "vote-answer ok";
        answer.textContent = format(form.getAttribute("data-l-recorded"), [label, zoneTime(at, zone)]);
        var mine = root.querySelector('[data-testid="my-vote"]');
        if (mine) { mine.textContent = label; }
        return;
      }
      return r.json().catch(function () { return {}; }).then(function (problem) {
        // A refusal (the vote closed, not present…) is final: it says why, and there is nothing to retry.
        answer.removeAttribute("data-pending");
        answer.className = "vote-answer error";
        answer.textContent = (problem && (problem.detail || problem.title)) || (form.getAttribute("data-l-refused") || String(r.status));
        if (r.status >= 500 || r.status === 429) { failed(form, answer, choice, idempotencyKey); }
      });
    }, function () {
      failed(form, shown(answer), choice, idempotencyKey);
    }).then(function () { form.removeAttribute("aria-busy"); });
  }

  function shown(el) {
    return document.body.contains(el) ? el : (root.querySelector("[data-testid='vote-answer']") || el);
  }

  // The vote did not reach the server: say so, and offer to send it again with the same key (the server runs it
  // at most once, whatever happened to the first attempt).
  function failed(form, answer, choice, idempotencyKey) {
    answer.setAttribute("data-pending", choice + "|" + idempotencyKey);
    answer.className = "vote-answer error";
    answer.textContent = (form.getAttribute("data-l-failed") || "") + " ";
    var retry = document.createElement("button");
    retry.type = "button";
    retry.className = "vote-retry";
    retry.setAttribute("data-testid", "vote-retry");
    retry.setAttribute("data-retry", "true");
    retry.textContent = form.getAttribute("data-l-retry") || "Retry";
    answer.appendChild(retry);
  }

  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!(form instanceof HTMLFormElement) || !root.contains(form) || form.getAttribute("data-testid") !== "vote-form" || !form.getAttribute("data-api")) { return; }
    if (!window.fetch || !e.submitter) { return; }
    e.preventDefault();
    var answer = form.querySelector("[data-testid='vote-answer']");
    var choice = e.submitter.value;
    send(form, answer, choice, newKey());
  });

  document.addEventListener("click", function (e) {
    var retry = e.target instanceof Element ? e.target.closest("[data-retry]") : null;
    if (!retry || !root.contains(retry)) { return; }
    var answer = retry.closest("[data-testid='vote-answer']");
    var form = retry.closest("form");
    var pending = answer ? (answer.getAttribute("data-pending") || "").split("|") : [];
    if (!form || pending.length !== 2) { return; }
    var button = form.querySelector('button[value="' + pending[0] + '"]');
    if (button) { button.focus(); }
    send(form, answer, pending[0], pending[1]);
  });

  // --- the hub ---------------------------------------------------------------------------------------------------
  var connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live")
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
    .build();
  connection.on("changed", onChanged);
  connection.on("revoked", function () { revoked = true; refresh(); show("revoked"); connection.stop(); });

  function join() {
    return screen ? connection.invoke("JoinScreen", sessionId, key) : connection.invoke("Join", sessionId);
  }

  connection.onreconnecting(function () { show(navigator.onLine === false ? "offline" : "reconnecting"); });
  connection.onreconnected(function () {
    join().then(function () { return refresh(); }).then(function () { show("connected"); }, function () { show("offline"); });
  });
  connection.onclose(function () {
    if (revoked) { return; }
    show("offline");
    // Keep trying: a room screen left alone must come back by itself when the network does.
    setTimeout(start, 5000);
  });

  function start() {
    if (revoked) { return Promise.resolve(); }
    show(navigator.onLine === false ? "offline" : (state === "connecting" ? "connecting" : "reconnecting"));
    return connection.start()
      .then(join)
      .then(function () { return refresh(); })
      .then(function () { show("connected"); })
      .catch(function () {
        show(revoked ? "revoked" : "offline");
        if (!revoked && connection.state === signalR.HubConnectionState.Disconnected) { setTimeout(start, 5000); }
      });
  }

  window.addEventListener("offline", function () { show("offline"); });
  window.addEventListener("online", function () {
    if (connection.state === signalR.HubConnectionState.Connected) {
      refresh();
      show("connected");
    } else {
      show("reconnecting");
    }
  });

  start();
})();
