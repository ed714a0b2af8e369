// minsheng search: loads the index the build wrote (search/index.json) and
// finds paragraphs in both languages. A Chinese query is split into words by
// longest match against the index's vocabulary; English words match by prefix.
(function () {
  "use strict";
  var app = document.getElementById("search-app");
  if (!app) return;
  var input = document.getElementById("search-q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var root = app.getAttribute("data-root");
  var lang = app.getAttribute("data-lang");
  var t = { none: app.getAttribute("data-none"), count: app.getAttribute("data-count") };
  var index = null, vocab = null, longest = 1;
  var han = /[\u3400-\u9fff\uf900-\ufaff]/;

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // Query → list of alternatives per word: [["养老"], ["lift", "lifts", ...]].
  function tokenize(query) {
    var words = [];
    var parts = query.toLowerCase().match(/[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9'’]+/g) || [];
    parts.forEach(function (part, k) {
      if (han.test(part)) {
        var i = 0;
        while (i < part.length) {
          var len = Math.min(longest, part.length - i);
          while (len > 1 && !vocab.has(part.substr(i, len))) len--;
          words.push([part.substr(i, len)]);
          i += len;
        }
      } else {
        var last = k === parts.length - 1;
        var forms = [];
        if (vocab.has(part)) forms.push(part);
        if (last || forms.length === 0) {
          index.keys.forEach(function (key) { if (key !== part && key.indexOf(part) === 0) forms.push(key); });
        }
        words.push(forms.length ? forms : [part]);
      }
    });
    return words;
  }

  function postings(forms) {
    var set = new Set();
    forms.forEach(function (f) {
      // ids are stored as differences from the one before
      var id = 0;
      (index.terms[f] || []).forEach(function (delta) { id += delta; set.add(id); });
    });
    return set;
  }

  function excerpt(text, needles) {
    var lower = text.toLowerCase(), at = -1;
    needles.forEach(function (n) { var i = lower.indexOf(n); if (i >= 0 && (at < 0 || i < at)) at = i; });
    var start = Math.max(0, at - 40), end = Math.min(text.length, (at < 0 ? 0 : at) + 90);
    var slice = (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
    var html = escapeHtml(slice);
    needles.slice().sort(function (a, b) { return b.length - a.length; }).forEach(function (n) {
      if (!n) return;
      var re = new RegExp("(" + escapeHtml(n).replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + ")", "gi");
      html = html.replace(re, "<mark>$1</mark>");
    });
    return html;
  }

  function run(query) {
    list.innerHTML = "";
    query = query.trim();
    if (!query) { status.textContent = ""; return; }
    var words = tokenize(query);
    var hits = null;
    words.forEach(function (forms) {
      var p = postings(forms);
      hits = hits === null ? p : new Set(Array.from(hits).filter(function (id) { return p.has(id); }));
    });
    var needles = [];
    words.forEach(function (forms) { forms.slice(0, 8).forEach(function (f) { needles.push(f); }); });
    var results = Array.from(hits || []).map(function (id) {
      var doc = docAt(id);
      var text = doc.x.toLowerCase(), score = 0;
      needles.forEach(function (n) { if (text.indexOf(n) >= 0) score += 2; });
      if (text.indexOf(query.toLowerCase()) >= 0) score += 10;
      if (doc.l === lang) score += 1;
      return { doc: doc, score: score };
    }).sort(function (a, b) { return b.score - a.score; }).slice(0, 50);
    status.textContent = results.length ? t.count.replace("N", results.length) : t.none;
    results.forEach(function (r) {
      var li = document.createElement("li");
      li.setAttribute("lang", r.doc.l === "zh" ? "zh-Hans" : "en");
      li.innerHTML = '<a href="' + escapeHtml(root + r.doc.u) + '">' + escapeHtml(r.doc.t) + "</a>" +
        '<p class="excerpt">' + excerpt(r.doc.x, needles) + "</p>";
      list.appendChild(li);
    });
  }

  // a paragraph with its page's address, title and language
  function docAt(id) {
    var d = index.docs[id], page = index.pages[d.p];
    return { u: page.u + (d.a ? "#" + d.a : ""), t: page.t, l: page.l, x: d.x };
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  var data = window.MINSHENG_SEARCH;
  if (!data) { status.textContent = t.none; return; }
  index = data;
  index.keys = Object.keys(data.terms);
  vocab = new Set(index.keys);
  index.keys.forEach(function (k) { if (han.test(k) && k.length > longest) longest = Math.min(k.length, 8); });
  run(input.value);
  document.getElementById("search-form").addEventListener("submit", function (e) {
    e.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run(input.value);
  });
})();
