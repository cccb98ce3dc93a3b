// The procurement-route wizard's JS API for portals (types: wizard.d.ts).
//
//   import { init, mount } from "/assets/wizard/wizard.js";
//   await init();
//   const handle = mount(document.getElementById("wizard"), { profile: "liaocheng" });
//
// The bundle's files keep fixed names: wizard.js, wizard-element.js,
// procurement-route-wizard.js, procurement-route-wizard_bg.wasm, wizard.css.
import wasmInit, { mount as wasmMount } from "./procurement-route-wizard.js";

// Written as literals beside import.meta.url so that bundlers (Vite,
// webpack, Rollup) see both files and ship them with the app.
const WASM = new URL("./procurement-route-wizard_bg.wasm", import.meta.url);
const CSS = new URL("./wizard.css", import.meta.url);

let stylesheet = CSS;
let ready = null;
let started = false;

/** Load the wasm module once per page; later calls return the same promise. */
export function init(options = {}) {
  if (!ready) {
    let wasm = WASM;
    if (options.base != null) {
      let base = new URL(options.base, import.meta.url);
      if (!base.pathname.endsWith("/")) base = new URL(base.pathname + "/", base);
      wasm = new URL("procurement-route-wizard_bg.wasm", base);
      stylesheet = new URL("wizard.css", base);
    }
    ready = wasmInit({ module_or_path: wasm }).then(() => {
      started = true;
    });
  }
  return ready;
}

/** Mount a wizard into `element`; throws an Error naming a bad config field. */
export function mount(element, config = {}) {
  if (!started) throw new Error("the wizard is not loaded yet: await init() before mount()");
  if (!(element instanceof HTMLElement)) throw new Error("invalid element: mount(element, config) needs an HTMLElement");
  if (config === null || typeof config !== "object" || Array.isArray(config)) throw new Error("invalid config: it must be an object");
  return wasmMount(element, { stylesheet: stylesheet.href, ...config });
}
