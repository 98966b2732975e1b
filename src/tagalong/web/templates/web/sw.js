/* Tagalong's service worker: keeps the offline page and the runner's session of the day, and
   shows pushed notifications. Pages other than today's always come from the network. */
"use strict";
var CACHE = "{{ cache }}";
var OFFLINE_URL = "{{ offline_url }}";
var TODAY_URL = "{{ today_url }}";
var PRECACHE = {{ precache|safe }};

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(PRECACHE); }));
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function keepToday(response) {
  // Only a real page of today's sessions: not the sign-in page a signed-out visit lands on.
  if (!response || !response.ok || response.redirected) return response;
  var copy = response.clone();
  caches.open(CACHE).then(function (cache) { cache.put(TODAY_URL, copy); });
  return response;
}

function refreshToday() {
  return fetch(TODAY_URL, { credentials: "same-origin" }).then(keepToday).catch(function () {});
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "refresh-today") event.waitUntil(refreshToday());
  if (data.type === "forget") event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.delete(TODAY_URL); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).then(function (response) {
      return url.pathname === TODAY_URL ? keepToday(response) : response;
    }).catch(function () {
      return caches.match(url.pathname === TODAY_URL ? TODAY_URL : request).then(function (hit) {
        return hit || caches.match(OFFLINE_URL);
      });
    }));
    return;
  }
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        if (response.ok) { var copy = response.clone(); caches.open(CACHE).then(function (c) { c.put(request, copy); }); }
        return response;
      });
    }));
  }
});

self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = { title: event.data.text() }; }
  event.waitUntil(self.registration.showNotification(data.title || "Tagalong", {
    body: data.body || "", icon: "{{ icon }}", data: { url: data.url || "/notifications/" }
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var target = (event.notification.data && event.notification.data.url) || "/notifications/";
  event.waitUntil(self.clients.openWindow(target));
});
