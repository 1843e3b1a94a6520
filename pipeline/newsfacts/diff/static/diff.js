(function () {
  var counts = {added: 0, removed: 0, changed: 0};
  document.querySelectorAll("tr.change").forEach(function (tr) { counts[tr.dataset.change] += 1; });
  Object.keys(counts).forEach(function (k) {
    var cell = document.getElementById("js-" + k);
    if (cell) cell.textContent = counts[k];
  });
  var marks = document.querySelectorAll("mark.fact[data-change]:not([data-change=same])").length;
  document.body.dataset.marked = marks;
  document.querySelectorAll("tr.change").forEach(function (tr) {
    var targets = document.querySelectorAll("#" + tr.dataset.article + " mark[data-change-ref='" +
                                            tr.dataset.ref + "']");
    tr.addEventListener("mouseenter", function () { targets.forEach(function (m) { m.classList.add("focus"); }); });
    tr.addEventListener("mouseleave", function () { targets.forEach(function (m) { m.classList.remove("focus"); }); });
  });
  document.querySelectorAll(".kinds input").forEach(function (box) {
    box.addEventListener("change", function () {
      // Listed changes of the kind are hidden; its marks lose their colour but keep their text.
      document.querySelectorAll("tr.change[data-kind='" + box.value + "']").forEach(function (el) {
        el.hidden = !box.checked;
      });
      document.querySelectorAll("mark.fact[data-kind='" + box.value + "']").forEach(function (el) {
        el.classList.toggle("off", !box.checked);
      });
    });
  });
  document.body.dataset.js = "ready";
})();
