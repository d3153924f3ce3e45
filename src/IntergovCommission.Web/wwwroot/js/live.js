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

  function refresh() {
    if (current) { again = true; return current; }
    current = fetch(panelUrl, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        // Keep the keyboard focus where it was if that element is still there.
        var focused = document.activeElement && document.activeElement.getAttribute("data-testid");
        root.innerHTML = html;
        if (focused) {
          var again2 = root.querySelector('[data-testid="' + focused + '"]');
          if (again2) { again2.focus(); }
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
