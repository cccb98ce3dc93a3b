// Two wizards, two namespaces: separate state, drafts and element ids.
import { init, mount } from "../dist/wizard.js";

await init();
window.first = mount(document.getElementById("first"), { profile: "liaocheng", namespace: "portal:unit-a" });
window.second = mount(document.getElementById("second"), { profile: "shandong", namespace: "portal:unit-b", locale: "en" });
