// Keyboard for the queue: j/k move the selection, Enter opens it, n opens the next free document.
(() => {
  const rows = Array.from(document.querySelectorAll("#queue tbody tr[data-href]"));
  let at = 0;
  const select = (i) => {
    if (!rows.length) return;
    rows[at].classList.remove("selected");
    at = Math.max(0, Math.min(rows.length - 1, i));
    rows[at].classList.add("selected");
    rows[at].scrollIntoView({ block: "nearest" });
  };
  document.addEventListener("keydown", (e) => {
    if (e.target.closest("input, select, textarea")) return;
    if (e.key === "j") select(at + 1);
    else if (e.key === "k") select(at - 1);
    else if (e.key === "Enter" && rows.length) location.href = rows[at].dataset.href;
    else if (e.key === "n") location.href = "/review/next";
    else return;
    e.preventDefault();
  });
})();
