// Session type and class forms: show a field only when it applies (capacity for groups, the
// group for a group audience, the link for "my own link", weekdays for repeating classes).
// Without this file every field simply stays visible.
(function () {
  function matches(form, rule) {
    const [name, values] = rule.split("=");
    const field = form.querySelector(`[name="${name}"]`);
    return field !== null && values.split(",").includes(field.value);
  }

  function refresh(form) {
    form.querySelectorAll("[data-show-when]").forEach((block) => {
      block.hidden = !matches(form, block.dataset.showWhen);
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("form").forEach((form) => {
      if (form.querySelector("[data-show-when]") === null) {
        return;
      }
      refresh(form);
      form.addEventListener("change", () => refresh(form));
    });
  });
})();
