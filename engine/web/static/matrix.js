// The commune × rule matrix: a click on a cell opens that commune's findings of that rule, for the year shown.
// (Cells carry no link of their own so that a province of a thousand communes stays a small page.)
document.addEventListener("click", function (event) {
  var cell = event.target.closest("table.matrix tbody td");
  if (!cell || cell.textContent === "") return;
  var table = cell.closest("table"), row = cell.parentElement;
  var rule = table.tHead.rows[0].cells[cell.cellIndex].getAttribute("data-r");
  window.location.href = table.getAttribute("data-base") + row.getAttribute("data-c") +
    "/ket-qua?year=" + encodeURIComponent(table.getAttribute("data-year")) + "&rule=" + encodeURIComponent(rule);
});
