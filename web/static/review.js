// The document view, keyboard first: lock the order, light up where each field was read, fill a
// field by clicking a word, add/remove/split lines, save, approve, reject, move on; count the keys
// pressed in the order's form.
(() => {
  const root = document.querySelector(".review");
  if (!root) return;
  const orderId = root.dataset.order;
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const form = document.getElementById("order-form");
  const evidence = JSON.parse(document.getElementById("evidence").textContent || "{}");
  const lockbar = document.getElementById("lockbar");
  let current = null; // the field the clerk is working on

  const post = (url) => fetch(url, { method: "POST", headers: { "X-CSRF-Token": csrf } });
  const inputs = () => Array.from(form.querySelectorAll("input:not([type=hidden]):not([readonly])"));
  const readOnly = (why) => {
    inputs().forEach((i) => (i.disabled = true));
    document.querySelectorAll("button").forEach((b) => { if (!b.closest(".logout")) b.disabled = true; });
    lockbar.textContent = why;
    lockbar.hidden = false;
  };

  const lock = async () => {
    const res = await post(`/review/${orderId}/lock`);
    if (res.status === 409) {
      const body = await res.json();
      readOnly(`${body.holder} is working on this order until ${new Date(body.until).toLocaleTimeString()}; you can look but not change it.`);
      return false;
    }
    return res.ok;
  };
  if (root.dataset.editable === "true") {
    lock().then((ok) => { if (ok) setInterval(lock, 4 * 60 * 1000); });
  } else {
    readOnly("This order is no longer in review.");
  }

  // where the selected field was read
  const clearMarks = () => {
    document.querySelectorAll(".page .box").forEach((b) => b.remove());
    document.querySelectorAll(".seg.lit").forEach((s) => s.classList.remove("lit"));
  };
  // where a box sits on a page image, in percent of the page (set here: the CSP forbids style attributes)
  const place = (el, page, [x0, y0, x1, y1]) => {
    const w = parseFloat(page.dataset.width), h = parseFloat(page.dataset.height);
    Object.assign(el.style, { left: `${(x0 / w) * 100}%`, top: `${(y0 / h) * 100}%`, width: `${((x1 - x0) / w) * 100}%`, height: `${((y1 - y0) / h) * 100}%` });
  };
  document.querySelectorAll(".page .word[data-box]").forEach((word) => {
    place(word, word.closest(".page"), word.dataset.box.split(",").map(parseFloat));
  });
  const mark = (field) => {
    clearMarks();
    const ev = evidence[field] || evidence[field.replace(".sku", ".item_code")];
    if (!ev) return;
    if (ev.page && ev.box) {
      const page = document.querySelector(`.page[data-page="${ev.page}"]`);
      if (!page) return;
      const box = document.createElement("div");
      box.className = "box";
      place(box, page, ev.box);
      page.appendChild(box);
      box.scrollIntoView({ block: "center", behavior: "instant" });
    } else if (ev.segment) {
      const seg = document.getElementById(`seg-${ev.segment + parseInt(root.dataset.segOffset || "0", 10)}`);
      if (seg) { seg.classList.add("lit"); seg.scrollIntoView({ block: "center" }); }
    }
  };
  form.addEventListener("focusin", (e) => {
    if (e.target.matches("input[data-field]")) { current = e.target; mark(e.target.dataset.field); }
  });

  // clicking a word on the page fills the selected field (shift-click appends)
  document.querySelectorAll(".page .word").forEach((word) => {
    word.addEventListener("mousedown", (e) => e.preventDefault());
    word.addEventListener("click", (e) => {
      if (!current || current.disabled) return;
      current.value = e.shiftKey && current.value ? `${current.value} ${word.dataset.text}` : word.dataset.text;
      current.focus();
    });
  });

  document.querySelectorAll("[data-goto]").forEach((a) => a.addEventListener("click", (e) => {
    e.preventDefault();
    const f = form.querySelector(`input[data-field="${a.dataset.goto}"]`) || form.querySelector(`input[data-field="${a.dataset.goto.replace('.item_code', '.sku')}"]`);
    if (f) f.focus();
  }));

  // the keys the clerk presses in the order's form, sent with the save, approval or rejection (the
  // capture report's keystrokes per corrected order): a chord counts once (its modifiers are not
  // counted), a key held down once (its auto-repeats are not)
  const MODIFIERS = new Set(["Shift", "Control", "Alt", "AltGraph", "Meta", "CapsLock", "Fn", "OS"]);
  let keystrokes = 0;
  const rejectForm = document.getElementById("reject-form");
  form.addEventListener("keydown", (e) => {
    if (e.repeat || e.isComposing || MODIFIERS.has(e.key)) return;
    keystrokes += 1;
    form.elements.keystrokes.value = String(keystrokes);
    if (rejectForm) rejectForm.elements.keystrokes.value = String(keystrokes);
  });

  const tbody = document.querySelector("#lines tbody");
  const nextIndex = () => Math.max(-1, ...Array.from(tbody.rows).map((r) => parseInt(r.dataset.row, 10))) + 1;
  const rowOf = (el) => el && el.closest("tr[data-row]");
  const newRow = (copyFrom) => {
    const i = nextIndex();
    const tr = document.createElement("tr");
    tr.dataset.row = i;
    const val = (name) => (copyFrom ? copyFrom.querySelector(`[name$="-${name}"]`).value : "");
    const cell = (name, extra = "") => `<td><input name="lines-${i}-${name}" data-field="lines[${i}].${name}" value="${val(name).replace(/"/g, "&quot;")}" ${extra}></td>`;
    tr.innerHTML = `<td>+<input type="hidden" name="lines-${i}-position" value=""><input type="hidden" name="lines-${i}-removed" value="0"></td>`
      + cell("buyer_item_code", 'size="10"') + cell("sku", 'list="catalogue" size="12"') + cell("description")
      + `<td><input name="lines-${i}-quantity" data-field="lines[${i}].quantity" size="6" inputmode="decimal"></td>`
      + cell("unit", 'size="4"') + cell("unit_price", 'size="7" inputmode="decimal"') + "<td></td>";
    return tr;
  };
  const addLine = () => { const tr = newRow(null); tbody.appendChild(tr); tr.querySelector('[name$="-sku"]').focus(); };
  const splitLine = () => {
    const row = rowOf(current); if (!row) return;
    const tr = newRow(row); row.after(tr); tr.querySelector('[name$="-quantity"]').focus();
  };
  const removeLine = () => {
    const row = rowOf(current); if (!row) return;
    row.querySelector('[name$="-removed"]').value = "1";
    row.hidden = true;
    const next = row.nextElementSibling || row.previousElementSibling;
    const f = next && !next.hidden && next.querySelector("input[data-field]");
    if (f) f.focus();
  };
  const nextProblem = (back) => {
    const list = inputs().filter((i) => i.matches(".problem, .conf-low, .conf-mid") && !rowOf(i)?.hidden);
    if (!list.length) return;
    const at = list.indexOf(current);
    const i = back ? (at <= 0 ? list.length - 1 : at - 1) : (at + 1) % list.length;
    list[i].focus(); list[i].select();
  };
  const approve = () => { form.elements.then.value = "approve"; form.submit(); };
  document.getElementById("approve").addEventListener("click", approve);

  document.addEventListener("keydown", (e) => {
    const k = e.key.toLowerCase();
    if (e.key === "F8") nextProblem(e.shiftKey);
    else if ((e.ctrlKey || e.metaKey) && e.key === "Enter") approve();
    else if ((e.ctrlKey || e.metaKey) && k === "s") form.submit();
    else if (e.altKey && k === "a") addLine();
    else if (e.altKey && k === "d") removeLine();
    else if (e.altKey && k === "s") splitLine();
    else if (e.altKey && k === "r") document.getElementById("reason").focus();
    else if (e.altKey && k === "n") location.href = `/review/next?after=${orderId}`;
    else if (e.key === "Escape") { post(`/review/${orderId}/unlock`).finally(() => (location.href = "/review")); }
    else return;
    e.preventDefault();
  });

  // start where the work is
  const first = inputs().find((i) => i.matches('.problem[name$="-sku"]'))
    || inputs().find((i) => i.matches(".problem, .conf-low")) || inputs()[0];
  if (first && !first.disabled) { first.focus(); first.select(); }
})();
