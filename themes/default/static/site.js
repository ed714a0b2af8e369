// minsheng default theme: remembers the reading mode and pinyin choice, keeps
// the reader's place when switching, shows glossary cards on hover, focus or
// tap (a bottom sheet on phones), folds the context note on phones and
// highlights a linked range of source lines. Everything works without it:
// modes are radio buttons, terms are links, the context stays open.
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

  // On phones the context note starts folded, so that the story comes first.
  var context = document.querySelector("details.context");
  if (context && window.matchMedia("(max-width: 47.99rem)").matches) context.open = false;

  // A link to a range of source lines (#L12-15) highlights the whole range.
  function highlightRange() {
    var old = document.querySelectorAll(".source-lines li.in-range");
    Array.prototype.forEach.call(old, function (li) { li.classList.remove("in-range"); });
    var m = /^#L(\d+)-(\d+)$/.exec(location.hash);
    if (!m) return;
    for (var n = +m[1]; n <= +m[2]; n++) {
      var li = document.getElementById("L" + n);
      if (li) li.classList.add("in-range");
    }
  }
  if (document.querySelector(".source-lines")) {
    highlightRange();
    window.addEventListener("hashchange", highlightRange);
  }

  // Glossary cards.
  var card = document.createElement("div");
  card.id = "term-card";
  card.setAttribute("role", "tooltip");
  card.hidden = true;
  document.body.appendChild(card);
  var current = null, hideTimer = null, touch = false;
  var english = document.documentElement.lang === "en";

  function show(term, asSheet) {
    var source = document.getElementById(term.getAttribute("data-card"));
    if (!source) return;
    clearTimeout(hideTimer);
    current = term;
    card.innerHTML = source.innerHTML;
    var more = document.createElement("a");
    more.className = "card-more";
    more.href = term.href;
    more.textContent = english ? "Open in the glossary" : "查看术语表";
    card.appendChild(more);
    card.classList.toggle("sheet", !!asSheet);
    if (asSheet) {
      var close = document.createElement("button");
      close.type = "button";
      close.className = "card-close";
      close.textContent = english ? "Close" : "关闭";
      close.addEventListener("click", hide);
      card.appendChild(close);
    }
    card.hidden = false;
    if (asSheet) { card.style.left = ""; card.style.top = ""; return; }
    var r = term.getBoundingClientRect();
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 8));
    card.style.left = left + "px";
    card.style.top = (window.scrollY + r.bottom + 6) + "px";
  }
  function hide() { card.hidden = true; current = null; }
  function hideSoon() { clearTimeout(hideTimer); hideTimer = setTimeout(hide, 250); }
  var phone = window.matchMedia("(max-width: 40rem)");

  // A touch, pen or mouse press says how the next events came; a touch is
  // followed by emulated mouse events, which must not count as a first tap.
  document.addEventListener("pointerdown", function (e) { touch = e.pointerType !== "mouse"; }, true);
  document.addEventListener("mouseover", function (e) {
    if (touch) return;
    var term = e.target.closest && e.target.closest("a.term");
    if (term) show(term);
    else if (e.target.closest && e.target.closest("#term-card")) clearTimeout(hideTimer);
  });
  document.addEventListener("mouseout", function (e) {
    if (touch) return;
    if (e.target.closest && (e.target.closest("a.term") || e.target.closest("#term-card"))) hideSoon();
  });
  document.addEventListener("focusin", function (e) {
    if (touch) return;
    var term = e.target.closest && e.target.closest("a.term");
    if (term) show(term); else if (!card.contains(e.target)) hide();
  });
  document.addEventListener("click", function (e) {
    var term = e.target.closest && e.target.closest("a.term");
    // a first tap shows the card; a second tap (or the card's link) opens the glossary
    if (term && (current !== term || card.hidden)) { e.preventDefault(); show(term, touch && phone.matches); return; }
    if (!term && !card.contains(e.target)) hide();
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
})();
