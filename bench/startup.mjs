// Startup benchmark (prints, asserts nothing): the wizard's demo page
// against an empty Leptos page built the same way (bench/empty-leptos),
// in alternating cold browser contexts, N pairs. Time is from navigation
// to the first visible button (inside the wizard's shadow root too).
// A third page, bench/domain-floor (the empty page with the wizard's
// domain linked in), shows how much of the gap the domain's bytes alone
// explain. Beside the medians, where the wizard's time goes: when its wasm is
// instantiated, how long the host's mount() call runs, and how long after
// it the first button is visible (style, layout and paint of the page).
// Usage: node bench/startup.mjs [pairs]   (scripts/bench-startup builds both)
import { chromium } from "@playwright/test";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PAIRS = Number(process.argv[2] ?? 15);
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json" };

const server = http.createServer((req, res) => {
  const file = path.join(ROOT, decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (!file.startsWith(ROOT) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;

const firstButton = () => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const find = (root) => {
    for (const b of root.querySelectorAll("button")) if (visible(b)) return b;
    for (const el of root.querySelectorAll("*")) if (el.shadowRoot) {
      const found = find(el.shadowRoot);
      if (found) return found;
    }
    return null;
  };
  return find(document) ? performance.now() : false;
};

const PAGES = {
  wizard: { url: `${base}/dist/index.html`, dir: "dist" },
  empty: { url: `${base}/bench/empty-leptos/dist/index.html`, dir: "bench/empty-leptos/dist" },
  floor: { url: `${base}/bench/domain-floor/dist/index.html`, dir: "bench/domain-floor/dist" },
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
const times = { wizard: [], empty: [], floor: [] };
const phases = { started: [], mount: [], shown: [] };
// Marks the demo page's milestones without changing it: Trunk's start
// event, and the host's mount() call (the page reads window.wasmBindings).
const marks = () => {
  window.__bench = {};
  addEventListener("TrunkApplicationStarted", () => (window.__bench.started = performance.now()));
  let bindings;
  Object.defineProperty(window, "wasmBindings", {
    configurable: true,
    get: () => bindings,
    set: (v) => {
      bindings = { ...v, mount: (...args) => {
        window.__bench.mountStart = performance.now();
        try { return v.mount(...args); } finally { window.__bench.mountEnd = performance.now(); }
      } };
    },
  });
};
async function once(name) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(marks);
  await page.goto(PAGES[name].url, { waitUntil: "commit" });
  const handle = await page.waitForFunction(firstButton, null, { polling: "raf", timeout: 30_000 });
  const shown = await handle.jsonValue();
  times[name].push(shown);
  if (name === "wizard") {
    const b = await page.evaluate(() => window.__bench);
    if (b.started && b.mountEnd) {
      phases.started.push(b.started);
      phases.mount.push(b.mountEnd - b.mountStart);
      phases.shown.push(shown - b.mountEnd);
    }
  }
  await context.close();
}
await once("wizard"); // warm the OS file cache and the server, not counted
await once("empty");
await once("floor");
times.wizard.length = times.empty.length = times.floor.length = 0;
for (const list of Object.values(phases)) list.length = 0;
for (let i = 0; i < PAIRS; i++) {
  const order = i % 2 ? ["empty", "floor", "wizard"] : ["wizard", "floor", "empty"];
  for (const name of order) await once(name);
}
await browser.close();
server.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gz = (dir) =>
  fs.readdirSync(path.join(ROOT, dir))
    .filter((f) => /\.(wasm|js|css)$/.test(f) && f !== "portal.css")
    .reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(ROOT, dir, f)), { level: 9 }).length, 0);
const [w, e] = [median(times.wizard), median(times.empty)];
const f = median(times.floor);
console.log(`bench startup (${PAIRS} cold pairs, navigation to first visible button): wizard median ${w.toFixed(0)} ms (bundle ${gz(PAGES.wizard.dir)} B gzip), empty Leptos page median ${e.toFixed(0)} ms (${gz(PAGES.empty.dir)} B gzip), ratio ${(w / e).toFixed(2)} (target ≤ 1.5)`);
console.log(`bench startup, the empty page with the wizard's domain linked in (bench/domain-floor): median ${f.toFixed(0)} ms (${gz(PAGES.floor.dir)} B gzip), ratio ${(f / e).toFixed(2)} to the empty page`);
if (phases.mount.length > 0) {
  const ms = (xs) => `${median(xs).toFixed(0)} ms`;
  console.log(`bench startup, the wizard's time (medians): wasm started at ${ms(phases.started)}, mount() ${ms(phases.mount)}, first button visible ${ms(phases.shown)} after mount() returns (first style, layout and paint)`);
}
