// The receiving page with a keyboard-wedge scanner: the scanner types the GTIN and presses Enter,
// which moves on to the count instead of sending the form; Enter in the count sends it.
(() => {
  const form = document.getElementById("receive");
  const gtin = document.getElementById("gtin");
  const count = document.getElementById("count");
  if (!form || !gtin || !count) return;
  gtin.addEventListener("keydown", (e) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    if (gtin.value.trim()) count.focus();
  });
  gtin.focus();
})();
