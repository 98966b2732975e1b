// A saved reply chosen above the message box is copied into it, to be edited before sending.
document.addEventListener("change", (event) => {
  const select = event.target.closest("[data-saved-reply-for]");
  if (!select || !select.value) return;
  const box = document.getElementById(select.dataset.savedReplyFor);
  if (box) {
    box.value = box.value ? `${box.value}\n${select.value}` : select.value;
    box.focus();
  }
  select.value = "";
});

// The open conversation asks for new messages every few seconds, but not from a hidden tab:
// opening a thread marks its messages read, and a tab nobody looks at has read nothing.
document.addEventListener("htmx:beforeRequest", (event) => {
  if (document.hidden && event.target.closest("[data-poll-when-visible]")) {
    event.preventDefault();
  }
});
