// Filters the numbers page by topic and district. Without JavaScript the page
// lists every figure under its topic, with the district in a column.
(function () {
  "use strict";
  var form = document.getElementById("numbers-filter");
  if (!form) return;
  var topic = document.getElementById("filter-topic");
  var district = document.getElementById("filter-district");
  var count = document.getElementById("filter-count");
  form.hidden = false;
  function apply() {
    var shown = 0;
    document.querySelectorAll(".numbers-section").forEach(function (section) {
      var any = false;
      section.querySelectorAll("tbody tr").forEach(function (row) {
        var ok = (!topic.value || row.getAttribute("data-topic") === topic.value) &&
          (!district.value || row.getAttribute("data-district") === district.value);
        row.hidden = !ok;
        if (ok) { any = true; shown++; }
      });
      section.hidden = !any;
    });
    count.textContent = shown;
  }
  topic.addEventListener("change", apply);
  district.addEventListener("change", apply);
  apply();
})();
