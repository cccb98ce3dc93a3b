// The release as portals take it (run after `bash scripts/release`):
// the npm tarball packs exactly what it should at Cargo.toml's version, a
// Vite app installs and bundles it and the wizard mounts in Chromium, the
// static folder works in a plain page under the README's CSP, the checker
// binary runs alone under `env -i`, and SHA256SUMS checks.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { SHIPPED } from "../../scripts/npm-package.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const REL = path.join(ROOT, "release");
const VERSION = /^version = "([^"]+)"/m.exec(fs.readFileSync(path.join(ROOT, "Cargo.toml"), "utf8"))[1];
const NAME = "procurement-route-wizard";
const TGZ = path.join(REL, `${NAME}-${VERSION}.tgz`);
const STATIC = path.join(REL, `${NAME}-${VERSION}-static.tar.gz`);
const CHECKER = path.join(REL, `filing-check-${VERSION}-x86_64-linux`);
// The bundler a portal would use, pinned so the test means the same each run.
const VITE = "vite@8.4.0";

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 << 20, ...opts });
  if (r.error) throw r.error;
  return r;
};
const must = (cmd, args, opts) => {
  const r = run(cmd, args, opts);
  assert.equal(r.status, 0, `${cmd} ${args.join(" ")}\n${r.stdout}\n${r.stderr}`);
  return r;
};
// Every scratch folder (a Vite app holds node_modules) goes when the tests end.
const scratch = [];
const tempDir = (label) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `prw-${label}-`));
  scratch.push(dir);
  return dir;
};

let browser;
before(async () => {
  assert.ok(fs.existsSync(TGZ), `no ${TGZ}: run bash scripts/release first`);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
});
after(async () => {
  await browser?.close();
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

/** Serve `root` on loopback with scripts/static-server.mjs until `stop()`. */
async function serve(root, port, csp = false) {
  const child = spawn("node", [path.join(ROOT, "scripts/static-server.mjs"), "--port", String(port), "--root", root, ...(csp ? ["--csp"] : [])], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve, reject) => {
    child.stdout.once("data", resolve);
    child.once("exit", (code) => reject(new Error(`static server exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** Open `url`, let the wizard start and answer its first pages. */
async function walkFirstPages(url, where) {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  await page.goto(url);
  const w = page.locator(where);
  const heading = w.locator("h2.prw-heading");
  await heading.filter({ hasText: "采购组织形式备案" }).waitFor();
  await w.getByRole("button", { name: "开始", exact: true }).click();
  await w.getByLabel("自主联合采购").check();
  await w.getByRole("button", { name: "继续", exact: true }).click();
  await heading.filter({ hasText: "采购单位信息" }).waitFor();
  await w.getByLabel("联系人", { exact: true }).fill("张三");
  const events = await page.evaluate(() => window.events);
  await page.close();
  assert.deepEqual(problems, []);
  return events;
}

test("the npm package: Cargo.toml's version, exactly the intended files, exports for the API, element, CSS and wasm", () => {
  const listed = JSON.parse(must("npm", ["pack", "--dry-run", "--json", TGZ], { cwd: tempDir("pack") }).stdout)[0];
  assert.equal(listed.name, NAME);
  assert.equal(listed.version, VERSION);
  assert.deepEqual(listed.files.map((f) => f.path).sort(), [...SHIPPED, "package.json"].sort());
  const pkg = JSON.parse(must("tar", ["-xzOf", TGZ, "package/package.json"]).stdout);
  assert.equal(pkg.version, VERSION);
  assert.equal(pkg.type, "module");
  assert.equal(pkg.license, "MIT");
  assert.equal(pkg.types, "./wizard.d.ts");
  assert.deepEqual(Object.keys(pkg.exports).sort(), [".", "./element", "./package.json", "./procurement-route-wizard_bg.wasm", "./wizard.css"]);
  assert.deepEqual(pkg.sideEffects, ["./wizard-element.js"]);
});

test("SHA256SUMS lists every file of the release and checks", () => {
  must("sha256sum", ["-c", "--strict", "SHA256SUMS"], { cwd: REL });
  const listed = fs
    .readFileSync(path.join(REL, "SHA256SUMS"), "utf8")
    .trim()
    .split("\n")
    .map((l) => l.split(/\s+\*?/)[1])
    .sort();
  const files = fs.readdirSync(REL, { recursive: true }).filter((f) => fs.statSync(path.join(REL, f)).isFile() && f !== "SHA256SUMS");
  assert.deepEqual(listed, files.sort());
  assert.match(fs.readFileSync(path.join(REL, "CHANGELOG.md"), "utf8"), new RegExp(`^## \\[${VERSION.replaceAll(".", "\\.")}\\]`, "m"));
});

test("the static checker runs alone, with an empty environment, and keeps its exit codes", () => {
  const dir = tempDir("checker");
  const bin = path.join(dir, "filing-check");
  fs.copyFileSync(CHECKER, bin);
  fs.chmodSync(bin, 0o755);
  assert.match(must("file", [bin]).stdout, /static(-pie)? linked|statically linked/);
  const ldd = run("ldd", [bin]);
  assert.match(ldd.stdout + ldd.stderr, /not a dynamic executable|statically linked/);
  const examples = fs.readdirSync(path.join(REL, "examples"));
  assert.equal(examples.length, 10);
  for (const name of examples) {
    fs.copyFileSync(path.join(REL, "examples", name), path.join(dir, name));
    const r = run("env", ["-i", "./filing-check", name, "--json"], { cwd: dir });
    assert.equal(r.status, 0, `${name}: ${r.stdout}${r.stderr}`);
    assert.equal(JSON.parse(r.stdout).ready, true);
  }
  const changed = fs.readFileSync(path.join(dir, examples[0]), "utf8").replace('"schema_version": "1"', '"schema_version": "1" ').replace(/"name": "([^"]+)"/, '"name": "$1 "');
  fs.writeFileSync(path.join(dir, "changed.json"), changed);
  fs.writeFileSync(path.join(dir, "garbage.json"), "{not json");
  assert.equal(run("env", ["-i", "./filing-check", "changed.json"], { cwd: dir }).status, 2);
  assert.equal(run("env", ["-i", "./filing-check", "garbage.json"], { cwd: dir }).status, 2);
  const other = examples.find((n) => n.endsWith(".shandong.json"));
  assert.equal(run("env", ["-i", "./filing-check", other, "--profile", "liaocheng"], { cwd: dir }).status, 2);
});

test("a Vite app installs the tarball, bundles it, and the wizard mounts and talks in Chromium", async () => {
  const app = tempDir("vite");
  fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "portal-app", private: true, type: "module" }));
  fs.writeFileSync(
    path.join(app, "index.html"),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Vite portal</title></head>
<body><div id="wizard"></div><script type="module" src="/main.js"></script></body></html>`,
  );
  fs.writeFileSync(
    path.join(app, "main.js"),
    `import { init, mount } from "${NAME}";
const element = document.getElementById("wizard");
window.events = [];
for (const type of ["wizard:ready", "wizard:change"]) element.addEventListener(type, () => window.events.push(type));
init().then(() => { window.handle = mount(element, { profile: "liaocheng", namespace: "vite-app" }); });
`,
  );
  fs.mkdirSync(path.join(app, "public"));
  fs.writeFileSync(path.join(app, "public/favicon.ico"), "");
  must("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", TGZ, VITE], { cwd: app });
  must("npx", ["vite", "build", "--logLevel", "warn"], { cwd: app });
  const assets = fs.readdirSync(path.join(app, "dist/assets"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), `the bundle ships the wasm: ${assets}`);
  assert.ok(assets.some((f) => f.endsWith(".css")), `the bundle ships the stylesheet: ${assets}`);
  const server = await serve(path.join(app, "dist"), 4190);
  try {
    const events = await walkFirstPages(`${server.url}/index.html`, "#wizard");
    assert.ok(events.includes("wizard:ready"), String(events));
    assert.ok(events.includes("wizard:change"), String(events));
  } finally {
    server.stop();
  }
});

test("the static folder works in a plain page with the custom element, under the README's strict CSP", async () => {
  const site = tempDir("static");
  must("tar", ["-xzf", STATIC, "-C", site]);
  fs.writeFileSync(
    path.join(site, "index.html"),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Plain portal page</title>
<script type="module" src="./${NAME}-${VERSION}/wizard-element.js"></script>
<script type="module" src="./page.js"></script></head>
<body><procurement-route-wizard id="wizard" profile="liaocheng" namespace="plain-page"></procurement-route-wizard></body></html>`,
  );
  fs.writeFileSync(
    path.join(site, "page.js"),
    `window.events = [];
for (const type of ["wizard:ready", "wizard:change"]) document.addEventListener(type, () => window.events.push(type));
`,
  );
  fs.writeFileSync(path.join(site, "favicon.ico"), "");
  // Pre-compressed beside each asset, decompressing to the asset itself.
  const folder = path.join(site, `${NAME}-${VERSION}`);
  for (const asset of fs.readdirSync(folder).filter((f) => /\.(wasm|js|css)$/.test(f))) {
    const body = fs.readFileSync(path.join(folder, asset));
    assert.ok(zlib.gunzipSync(fs.readFileSync(path.join(folder, `${asset}.gz`))).equals(body), `${asset}.gz`);
    assert.ok(zlib.brotliDecompressSync(fs.readFileSync(path.join(folder, `${asset}.br`))).equals(body), `${asset}.br`);
  }
  const server = await serve(site, 4191, true);
  try {
    const events = await walkFirstPages(`${server.url}/index.html`, "#wizard");
    assert.ok(events.includes("wizard:ready") && events.includes("wizard:change"), String(events));
  } finally {
    server.stop();
  }
});
