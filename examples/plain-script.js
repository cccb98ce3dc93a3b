// The whole embedding: load once, mount, listen.
import { init, mount } from "../dist/wizard.js";

await init();
const element = document.getElementById("wizard");
const log = document.getElementById("log");
for (const type of ["wizard:ready", "wizard:change", "wizard:draft-saved", "wizard:submit"]) {
  element.addEventListener(type, (e) => {
    log.textContent += `${type}\n`;
    if (type === "wizard:submit") window.lastSubmit = e.detail;
  });
}
window.handle = mount(element, {
  locale: "zh-CN",
  profile: "liaocheng",
  namespace: "example-plain",
  prefill: { name: "聊城市教育局", uscc: "11371500004180002J", level: "city" },
  locked: ["name", "uscc"],
});
window.embedApi = { init, mount };
