// Drag a session card onto another day of the plan to move it; hold Alt or Ctrl to copy it.
// The cards' own forms do the work (htmx posts them), so without a mouse, or without this
// file, the same buttons and date fields on each card do the same.
(() => {
  let dragged = null;
  const dayOf = (node) => (node instanceof Element ? node.closest("[data-day]:not([data-session])") : null);
  const unmark = () => document.querySelectorAll(".plan-day.is-drop").forEach((d) => d.classList.remove("is-drop"));

  document.addEventListener("dragstart", (event) => {
    const card = event.target instanceof Element ? event.target.closest("[data-session]") : null;
    if (!card) return;
    dragged = card;
    event.dataTransfer.effectAllowed = "copyMove";
    event.dataTransfer.setData("text/plain", card.id);
    card.classList.add("is-dragging");
  });

  document.addEventListener("dragend", () => {
    if (dragged) dragged.classList.remove("is-dragging");
    dragged = null;
    unmark();
  });

  document.addEventListener("dragover", (event) => {
    const day = dayOf(event.target);
    if (!dragged || !day) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = event.altKey || event.ctrlKey ? "copy" : "move";
    unmark();
    day.classList.add("is-drop");
  });

  document.addEventListener("drop", (event) => {
    const day = dayOf(event.target);
    if (!dragged || !day) return;
    event.preventDefault();
    const copy = event.altKey || event.ctrlKey;
    if (!copy && day.dataset.day === dragged.dataset.day) return;
    const form = dragged.querySelector(copy ? "form[data-copy-form]" : "form[data-move-form]");
    if (!form) return;
    form.querySelector("input[name=date]").value = day.dataset.day;
    dragged.classList.add("is-saving");
    form.requestSubmit();
  });
})();
