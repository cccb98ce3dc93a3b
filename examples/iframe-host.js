// The parent page: frames the wizard (which has this origin on its own
// allow-list) and accepts messages only from that frame and that origin.
const frame = document.getElementById("frame");
const log = document.getElementById("log");
window.messages = [];
frame.src = "iframe-child.html";
addEventListener("message", (e) => {
  if (e.source !== frame.contentWindow || e.origin !== location.origin) return;
  const { type, detail } = e.data || {};
  if (typeof type !== "string" || !type.startsWith("wizard:")) return;
  window.messages.push({ type, detail });
  log.textContent += `${type}\n`;
  if (type === "wizard:resize") frame.style.height = `${Math.ceil(detail.height)}px`;
});
