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
