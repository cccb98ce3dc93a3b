// The API module from one place, the wasm and CSS from another (a CDN):
// init({ base }) names the folder holding procurement-route-wizard_bg.wasm
// and wizard.css.
import { init, mount } from "../dist/wizard.js";

const base = new URLSearchParams(location.search).get("base") || "../dist/";
await init({ base: new URL(base, location.href) });
window.handle = mount(document.getElementById("wizard"), { namespace: "example-base" });
