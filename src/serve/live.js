// Live reload for `minsheng serve`: waits for the next build, reloads the page,
// or shows the build error over the page until a good build arrives.
(function () {
  var version = null;
  function overlay(message) {
    var box = document.getElementById("minsheng-error");
    if (!message) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("pre");
      box.id = "minsheng-error";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0;margin:0;padding:2em;overflow:auto;z-index:2147483647;" +
        "background:rgba(20,20,20,.94);color:#ffd7d7;font:14px/1.5 monospace;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "minsheng: build failed\n\n" + message;
  }
  function poll() {
    var url = "/__minsheng/poll" + (version === null ? "" : "?v=" + version);
    fetch(url, { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
      if (version !== null && s.version !== version && !s.error) { location.reload(); return; }
      version = s.version;
      overlay(s.error);
      poll();
    }).catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
