// Inside the iframe: events go to the parent with postMessage, to the
// parent's exact origin only; the frame reports its height so the parent
// can size it.
import { init, mount } from "../dist/wizard.js";

const parentOrigin = new URLSearchParams(location.search).get("parent");
await init();
mount(document.getElementById("wizard"), {
  profile: "liaocheng",
  namespace: "example-iframe",
  postMessage: { targetOrigin: parentOrigin },
});
new ResizeObserver(() => {
  parent.postMessage({ type: "wizard:resize", detail: { height: document.documentElement.scrollHeight } }, parentOrigin);
}).observe(document.body);
