// Small progressive enhancements; every page works without this file.
document.addEventListener("click", (event) => {
  const target = event.target.closest("[data-confirm]");
  if (target && !window.confirm(target.dataset.confirm)) {
    event.preventDefault();
  }
});
document.addEventListener("click", (event) => {
  const target = event.target.closest("[data-copy]");
  if (target && navigator.clipboard) {
    navigator.clipboard.writeText(target.dataset.copy);
    target.textContent = "Copied";
  }
});
// The header menu: one bar on small screens, the links in a panel the Menu button opens.
(() => {
  const header = document.querySelector(".site-header");
  const toggle = header && header.querySelector(".menu-toggle");
  if (!toggle) return;
  header.classList.add("has-menu");
  toggle.hidden = false;
  const set = (open) => {
    header.classList.toggle("is-open", open);
    toggle.setAttribute("aria-expanded", String(open));
  };
  toggle.addEventListener("click", () => set(toggle.getAttribute("aria-expanded") !== "true"));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && header.classList.contains("is-open")) {
      set(false);
      toggle.focus();
    }
  });
})();
// A table wider than its box scrolls inside it; the scrolling box can take keyboard focus.
(() => {
  const mark = () => {
    document.querySelectorAll(".table-wrap").forEach((wrap) => {
      const scrolls = wrap.scrollWidth > wrap.clientWidth;
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "region");
        const caption = wrap.querySelector("caption");
        wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table, scrolls sideways");
      }
    });
  };
  mark();
  window.addEventListener("resize", mark);
  document.addEventListener("htmx:afterSettle", mark);
})();
// A searchable picker over a multiple select (select[multiple][data-picker]): type to filter, tick
// to choose. The select stays in the form, hidden, and holds the choice, so the form posts as it
// does without script (where the select itself is shown).
const enhancePickers = (root) => root.querySelectorAll("select[multiple][data-picker]:not([hidden])").forEach((select) => {
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const picker = document.createElement("div");
  picker.className = "picker";
  const search = document.createElement("input");
  search.type = "search";
  search.className = "picker-search";
  search.id = `${select.id}-search`;
  search.placeholder = select.dataset.picker;
  search.autocomplete = "off";
  const list = document.createElement("ul");
  list.className = "picker-list";
  list.id = `${select.id}-options`;
  search.setAttribute("aria-controls", list.id);
  const count = document.createElement("p");
  count.className = "picker-count";
  count.setAttribute("aria-live", "polite");
  const label = document.querySelector(`label[for="${select.id}"]`);
  if (label) label.htmlFor = search.id;
  if (select.hasAttribute("aria-describedby")) {
    search.setAttribute("aria-describedby", select.getAttribute("aria-describedby"));
  }
  const rows = [...select.options].map((option) => {
    const item = document.createElement("li");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = option.selected;
    box.addEventListener("change", () => {
      option.selected = box.checked;
      update();
    });
    const text = document.createElement("label");
    const group = option.parentElement.tagName === "OPTGROUP" ? option.parentElement.label : "";
    text.append(box, ` ${option.text}`);
    if (group) {
      const small = document.createElement("small");
      small.className = "muted";
      small.textContent = ` · ${group}`;
      text.append(small);
    }
    item.append(text);
    list.append(item);
    return { item, option, words: fold(`${option.text} ${group}`) };
  });
  const update = () => {
    const words = fold(search.value.trim());
    let shown = 0;
    rows.forEach((row) => {
      row.item.hidden = Boolean(words) && !row.words.includes(words);
      if (!row.item.hidden) shown += 1;
    });
    const chosen = rows.filter((row) => row.option.selected).map((row) => row.option.text);
    count.textContent = `${chosen.length} chosen${chosen.length ? `: ${chosen.join(", ")}` : ""}` +
      (words ? ` · ${shown} match${shown === 1 ? "" : "es"}` : "");
  };
  search.addEventListener("input", update);
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") event.preventDefault(); // filtering, not sending the form
  });
  picker.append(search, list, count);
  select.hidden = true;
  select.after(picker);
  update();
});
enhancePickers(document);
document.addEventListener("htmx:afterSettle", () => enhancePickers(document));
