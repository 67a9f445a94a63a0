// The concurrent users tracker (docs/tracker.md): heartbeats from this tab while it is visible, the end of its session
// when it goes. No dependencies, no cookies, no third-party calls; the session id lives in this tab's sessionStorage.
(function () {
  var script = document.currentScript;
  if (!script || window.concurrentUsers) return;
  var data = script.dataset;
  var endpoint = new URL('/api/concurrent-users/beacon?key=' + encodeURIComponent(data.siteKey || ''), script.src).href;
  // data-interval (seconds) exists for tests; pages leave it out.
  var interval = Math.max(1, +data.interval || 30) * 1000;
  var who = { userId: data.user, organizationId: data.organization, moduleId: data.module, userSignature: data.userSignature };
  var storageKey = 'concurrentUsers.sessionId';
  var sessionId, timer;

  function newSession() {
    sessionId = self.crypto && crypto.randomUUID ? crypto.randomUUID() : Date.now().toString(36) + Math.random().toString(36).slice(2);
    try { sessionStorage.setItem(storageKey, sessionId); } catch (e) { /* storage off: one session per page load */ }
  }

  function send(active) {
    if (!who.userId || !who.organizationId) return;
    var body = JSON.stringify({
      userId: who.userId, organizationId: who.organizationId, sessionId: sessionId,
      moduleId: who.moduleId || 'web', isActive: active, userSignature: who.userSignature
    });
    // A text/plain body needs no CORS preflight; sendBeacon outlives the page, which the last one must.
    if (!active && navigator.sendBeacon && navigator.sendBeacon(endpoint, body)) return;
    fetch(endpoint, { method: 'POST', body: body, headers: { 'Content-Type': 'text/plain' }, credentials: 'omit', keepalive: true })
      .catch(function () { /* the next heartbeat tries again */ });
  }

  function stop() {
    clearInterval(timer);
    timer = 0;
  }

  function start() {
    stop();
    if (document.visibilityState !== 'visible') return;
    send(true);
    timer = setInterval(function () { send(true); }, interval);
  }

  try { sessionId = sessionStorage.getItem(storageKey); } catch (e) { /* see newSession */ }
  if (!sessionId) newSession();

  document.addEventListener('visibilitychange', start);
  addEventListener('pagehide', function () { stop(); send(false); });
  addEventListener('pageshow', function (event) { if (event.persisted) start(); });

  window.concurrentUsers = {
    // A single-page app's sign-in: another user's tab is another session (the old one ends).
    identify: function (user) {
      user = user || {};
      if (user.userId && String(user.userId) !== who.userId) {
        send(false);
        newSession();
      }
      if (user.userId) who.userId = String(user.userId);
      if (user.organizationId) who.organizationId = String(user.organizationId);
      if ('userSignature' in user) who.userSignature = user.userSignature;
      start();
    },
    setModule: function (moduleId) {
      who.moduleId = String(moduleId);
      start();
    }
  };

  start();
})();
