/* The installable app: registers the service worker, keeps today's session on the device,
   and shows notifications on this device when the person chose that in Settings. */
(function () {
  "use strict";
  var todayMeta = document.querySelector('meta[name="tagalong-today"]');
  var signedIn = !!document.querySelector(".signout");

  function csrf() {
    var m = /(?:^|; )csrftoken=([^;]+)/.exec(document.cookie);
    var field = document.querySelector('input[name="csrfmiddlewaretoken"]');
    return m ? decodeURIComponent(m[1]) : (field ? field.value : "");
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() },
      body: JSON.stringify(body)
    });
  }

  function worker() {
    if (!("serviceWorker" in navigator)) return Promise.resolve(null);
    return navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () {
      return navigator.serviceWorker.ready;
    }).catch(function () { return null; });
  }

  function keyBytes(base64) {
    var pad = "=".repeat((4 - base64.length % 4) % 4);
    var raw = atob((base64 + pad).replace(/-/g, "+").replace(/_/g, "/"));
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  function say(text) {
    var status = document.getElementById("push-status");
    if (status) { status.textContent = text; status.hidden = false; }
  }

  // Settings → Notifications: ask the browser first, then save the choice.
  function pushForm(registration) {
    var form = document.getElementById("push-form");
    if (!form) return;
    var box = form.querySelector('input[name="push_notifications"]');
    form.addEventListener("submit", function (event) {
      if (form.dataset.asked) return;
      event.preventDefault();
      var done = function () { form.dataset.asked = "1"; form.submit(); };
      var key = form.dataset.vapidKey;
      var manager = registration && registration.pushManager;
      if (!box.checked) {
        if (!manager) return done();
        manager.getSubscription().then(function (sub) {
          if (!sub) return done();
          var endpoint = sub.endpoint;
          return sub.unsubscribe().then(function () { return post(form.dataset.unsubscribeUrl, { endpoint: endpoint }); }).then(done, done);
        });
        return;
      }
      if (!("Notification" in window)) { say(form.dataset.unsupported || "This browser cannot show notifications."); box.checked = false; return done(); }
      Notification.requestPermission().then(function (permission) {
        if (permission !== "granted") { box.checked = false; say(form.dataset.refused || "The browser did not allow notifications."); return done(); }
        if (!key || !manager) return done();
        return manager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) }).then(function (sub) {
          return post(form.dataset.subscribeUrl, sub.toJSON());
        }).then(done, done);
      });
    });
  }

  // Without a push service: while a tab is open, new notifications show through the browser.
  function pollInTab() {
    if (!signedIn || !("Notification" in window) || Notification.permission !== "granted") return;
    var seen = parseInt(localStorage.getItem("tagalong-seen") || "-1", 10);
    function poll() {
      fetch("/notifications/latest.json?after=" + Math.max(seen, 0), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (d) {
          if (!d || !d.push || d.web_push) return;
          if (seen >= 0) d.notifications.forEach(function (n) {
            var note = new Notification(n.title, { body: n.body, icon: "/static/tagalong/icons/icon-192.png" });
            note.onclick = function () { window.focus(); window.location.href = "/notifications/"; };
          });
          seen = d.newest; localStorage.setItem("tagalong-seen", String(seen));
          window.setTimeout(poll, 60000);
        }).catch(function () {});
    }
    poll();
  }

  document.addEventListener("DOMContentLoaded", function () {
    worker().then(function (registration) {
      pushForm(registration);
      var active = registration && registration.active;
      if (active && todayMeta && navigator.onLine) active.postMessage({ type: "refresh-today" });
      if (active && !signedIn) active.postMessage({ type: "forget" });
    });
    pollInTab();
  });
})();
