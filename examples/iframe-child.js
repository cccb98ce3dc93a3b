// Inside the iframe: events go to the parent with postMessage, to the
// parent's exact origin only; the frame reports its height so the parent
// can size it.
//
// The parent's origin is pinned HERE, in the frame's own configuration:
// never take it from the URL (`?parent=`), or any page that frames this one
// would receive the purchaser's filing with `wizard:submit`. Replace the
// list with your portal's origin(s); the server sends the matching
// `Content-Security-Policy: frame-ancestors` so no other page can frame it.
import { init, mount } from "../dist/wizard.js";

const PARENT_ORIGINS = [
  // The example servers on this machine (scripts/serve and the tests).
  "http://127.0.0.1:8080",
  "http://127.0.0.1:4173",
  "http://127.0.0.1:4174",
];

// The origin of the page that actually frames us (Chromium, Safari:
// ancestorOrigins; elsewhere the referrer), accepted only if listed.
const framedBy = location.ancestorOrigins?.[0] ?? (document.referrer ? new URL(document.referrer).origin : "");
const parentOrigin = PARENT_ORIGINS.includes(framedBy) ? framedBy : null;

await init();
mount(document.getElementById("wizard"), {
  profile: "liaocheng",
  namespace: "example-iframe",
  // Not framed by a listed portal: no events leave the frame.
  postMessage: parentOrigin ? { targetOrigin: parentOrigin } : null,
});
if (parentOrigin) {
  new ResizeObserver(() => {
    parent.postMessage({ type: "wizard:resize", detail: { height: document.documentElement.scrollHeight } }, parentOrigin);
  }).observe(document.body);
}
