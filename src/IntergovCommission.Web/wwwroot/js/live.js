// Live session: join the session's group on the hub; whenever the server says the state changed
// (or the connection comes back), fetch the panel again. Works without it: forms post normally.
(function () {
  "use strict";
  var root = document.getElementById("live");
  var status = document.getElementById("live-status");
  if (!root || typeof signalR === "undefined") { return; }
  var sessionId = root.getAttribute("data-session");
  var panelUrl = root.getAttribute("data-panel-url");
  var pending = false, again = false;

  function say(text) { if (status) { status.textContent = text; } }

  function refresh() {
    if (pending) { again = true; return; }
    pending = true;
    fetch(panelUrl, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
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
      .finally(function () { pending = false; if (again) { again = false; refresh(); } });
  }

  var connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live")
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
    .build();
  connection.on("changed", refresh);
  connection.onreconnecting(function () { say("⟳"); });
  connection.onreconnected(function () {
    connection.invoke("Join", sessionId).then(function () { say("●"); refresh(); });
  });
  connection.onclose(function () { say("○"); });

  connection.start()
    .then(function () { return connection.invoke("Join", sessionId); })
    .then(function () { say("● live"); root.setAttribute("data-live", "connected"); })
    .catch(function () { say("○"); });
})();
