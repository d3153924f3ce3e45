// Live session: join the session's group on the hub. A vote message carries the member's line of
// the roll call: it is applied in place and the tally recounted from the roll call, with no request
// (so a cast costs the server nothing per screen). Any other change (or a reconnect) fetches the
// panel again. Works without it: forms post normally.
// A message sent between the server rendering this page and the page joining the group would be
// lost (a voter's page reloads after their own POST while the others are still voting), so once
// joined the page fetches the panel one time before it calls itself live.
(function () {
  "use strict";
  var root = document.getElementById("live");
  var status = document.getElementById("live-status");
  if (!root || typeof signalR === "undefined") { return; }
  var sessionId = root.getAttribute("data-session");
  var panelUrl = root.getAttribute("data-panel-url");
  var current = null, again = false;

  function say(text) { if (status) { status.textContent = text; } }

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
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        // What the person is typing survives the refresh: the fields they changed (by id) get their
        // value back, and the keyboard focus and caret stay where they were if the element is still there.
        var active = document.activeElement;
        var focused = active && root.contains(active) ? (active.id ? "#" + active.id : active.getAttribute("data-testid")) : null;
        var caret = active && typeof active.selectionStart === "number" ? [active.selectionStart, active.selectionEnd] : null;
        var kept = typed();
        root.innerHTML = html;
        kept.forEach(function (k) {
          var el = document.getElementById(k.id);
          if (!el || !root.contains(el)) { return; }
          if (el.type === "checkbox" || el.type === "radio") { el.checked = k.checked; } else { el.value = k.value; }
        });
        if (focused) {
          var again2 = focused.charAt(0) === "#" ? document.getElementById(focused.slice(1)) : root.querySelector('[data-testid="' + focused + '"]');
          if (again2 && root.contains(again2)) {
            again2.focus();
            if (caret && typeof again2.setSelectionRange === "function") {
              try { again2.setSelectionRange(caret[0], caret[1]); } catch (e) { /* not a text field */ }
            }
          }
        }
      })
      .catch(function () { say(root.getAttribute("data-offline") || "…"); })
      .then(function () {
        current = null;
        if (again) { again = false; return refresh(); }
      });
    return current;
  }

  // Applies one cast to the open ballot shown; false when it cannot (another ballot, an unknown
  // line): the caller then fetches the whole panel.
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
    var counts = { For: 0, Against: 0, Abstain: 0, none: 0 };
    panel.querySelectorAll("td[data-vote]").forEach(function (cell) {
      var v = cell.getAttribute("data-vote");
      if (counts.hasOwnProperty(v) && v !== "none") { counts[v]++; } else { counts.none++; }
    });
    [["tally-for", counts.For], ["tally-against", counts.Against], ["tally-abstain", counts.Abstain], ["tally-none", counts.none]].forEach(function (pair) {
      var el = panel.querySelector('[data-testid="' + pair[0] + '"]');
      if (el) { el.textContent = String(pair[1]); }
    });
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

  var connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live")
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
    .build();
  connection.on("changed", onChanged);
  connection.onreconnecting(function () { say("⟳"); });
  connection.onreconnected(function () {
    connection.invoke("Join", sessionId).then(function () { say("●"); refresh(); });
  });
  connection.onclose(function () { say("○"); });

  connection.start()
    .then(function () { return connection.invoke("Join", sessionId); })
    .then(function () { return refresh(); })
    .then(function () { say("● live"); root.setAttribute("data-live", "connected"); })
    .catch(function () { say("○"); });
})();
