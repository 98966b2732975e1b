// Session times on the visitor's own clock: the page is drawn in the zone given by ?tz=
// (the practice's by default); this asks once for the browser's zone. Sign-up forms get the
// browser's zone preselected.
(() => {
  let zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!zone) return;
  const marker = document.querySelector("[data-tz]");
  const url = new URL(window.location.href);
  if (marker && marker.dataset.tzGiven !== "1" && marker.dataset.tz !== zone && !url.searchParams.has("tz")) {
    url.searchParams.set("tz", zone);
    window.location.replace(url.toString());
    return;
  }
  document.addEventListener("DOMContentLoaded", () => {
    const select = document.querySelector("select[name=time_zone]");
    if (select && [...select.options].some((o) => o.value === zone)) select.value = zone;
  });
})();
