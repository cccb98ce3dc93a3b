// Events bubble out of the shadow root (composed): listen on the element or any ancestor.
const log = document.getElementById("log");
window.events = [];
for (const type of ["wizard:ready", "wizard:change", "wizard:draft-saved", "wizard:submit", "wizard:error"]) {
  document.addEventListener(type, (e) => {
    window.events.push({ type, detail: e.detail });
    log.textContent += `${type}\n`;
    if (type === "wizard:submit") window.lastSubmit = e.detail;
  });
}
