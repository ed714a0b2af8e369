// minsheng default theme: remembers the reading mode and pinyin choice, keeps
// the reader's place when switching, and shows glossary cards on hover, focus
// or tap. Everything works without it: modes are radio buttons, terms are links.
(function () {
  "use strict";
  var store = {
    get: function (k) { try { return localStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { localStorage.setItem(k, v); } catch (e) { /* private mode */ } }
  };

  // Reading mode and pinyin, remembered across pages.
  var modes = document.querySelectorAll(".mode-input");
  var pinyin = document.getElementById("pinyin-toggle");
  var saved = store.get("minsheng-mode");
  if (saved === "parallel") {
    var radio = document.getElementById("mode-parallel");
    if (radio) radio.checked = true;
  }
  if (pinyin && store.get("minsheng-pinyin") === "on") pinyin.checked = true;

  // The pair at the top of the viewport, to come back to after a switch.
  function topPair() {
    var pairs = document.querySelectorAll(".pair");
    for (var i = 0; i < pairs.length; i++) {
      if (pairs[i].getBoundingClientRect().bottom > 0) return pairs[i];
    }
    return null;
  }
  var anchor = topPair();
  window.addEventListener("scroll", function () { anchor = topPair(); }, { passive: true });
  // a click on a mode label or a key on the radios comes before the switch
  // (the radio's own click event comes after it, so it is not used)
  document.addEventListener("click", function (e) {
    if (e.target.closest && e.target.closest(".reading-controls")) anchor = topPair();
  }, true);
  document.addEventListener("keydown", function (e) {
    if (e.target.closest && e.target.closest(".mode-input")) anchor = topPair();
  }, true);
  Array.prototype.forEach.call(modes, function (input) {
    input.addEventListener("change", function () {
      store.set("minsheng-mode", input.value === "parallel" ? "parallel" : "page");
      var keep = anchor;
      if (!keep || window.scrollY === 0) return;
      keep.scrollIntoView({ block: "start" });
      // once more after the browser has laid out the new mode
      setTimeout(function () { keep.scrollIntoView({ block: "start" }); anchor = keep; }, 0);
    });
  });
  if (pinyin) pinyin.addEventListener("change", function () {
    store.set("minsheng-pinyin", pinyin.checked ? "on" : "off");
  });

  // Glossary cards.
  var card = document.createElement("div");
  card.id = "term-card";
  card.setAttribute("role", "tooltip");
  card.hidden = true;
  document.body.appendChild(card);
  var current = null, hideTimer = null;

  function show(term) {
    var source = document.getElementById(term.getAttribute("data-card"));
    if (!source) return;
    clearTimeout(hideTimer);
    current = term;
    card.innerHTML = source.innerHTML;
    var more = document.createElement("a");
    more.className = "card-more";
    more.href = term.href;
    more.textContent = document.documentElement.lang === "en" ? "Open in the glossary" : "查看术语表";
    card.appendChild(more);
    card.hidden = false;
    var r = term.getBoundingClientRect();
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 8));
    card.style.left = left + "px";
    card.style.top = (window.scrollY + r.bottom + 6) + "px";
  }
  function hide() { card.hidden = true; current = null; }
  function hideSoon() { clearTimeout(hideTimer); hideTimer = setTimeout(hide, 250); }

  document.addEventListener("mouseover", function (e) {
    var term = e.target.closest && e.target.closest("a.term");
    if (term) show(term);
    else if (e.target.closest && e.target.closest("#term-card")) clearTimeout(hideTimer);
  });
  document.addEventListener("mouseout", function (e) {
    if (e.target.closest && (e.target.closest("a.term") || e.target.closest("#term-card"))) hideSoon();
  });
  document.addEventListener("focusin", function (e) {
    var term = e.target.closest && e.target.closest("a.term");
    if (term) show(term); else if (!card.contains(e.target)) hide();
  });
  document.addEventListener("click", function (e) {
    var term = e.target.closest && e.target.closest("a.term");
    // a first tap shows the card; a second tap (or the card's link) opens the glossary
    if (term && current !== term) { e.preventDefault(); show(term); return; }
    if (!term && !card.contains(e.target)) hide();
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
})();
