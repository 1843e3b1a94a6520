(function () {
  var counts = {added: 0, removed: 0, changed: 0};
  document.querySelectorAll("li.change").forEach(function (li) { counts[li.dataset.change] += 1; });
  Object.keys(counts).forEach(function (k) {
    var cell = document.getElementById("js-" + k);
    if (cell) cell.textContent = counts[k];
  });
  var marks = document.querySelectorAll("mark.fact[data-change]:not([data-change=same])").length;
  document.body.dataset.marked = marks;
  document.querySelectorAll("li.change").forEach(function (li) {
    var targets = document.querySelectorAll("#" + li.dataset.article + " mark[data-change-ref='" +
                                            li.dataset.ref + "']");
    li.addEventListener("mouseenter", function () { targets.forEach(function (m) { m.classList.add("focus"); }); });
    li.addEventListener("mouseleave", function () { targets.forEach(function (m) { m.classList.remove("focus"); }); });
  });
  document.querySelectorAll(".kinds input").forEach(function (box) {
    box.addEventListener("change", function () {
      document.querySelectorAll("[data-kind='" + box.value + "']").forEach(function (el) {
        el.hidden = !box.checked;
      });
    });
  });
  document.body.dataset.js = "ready";
})();
