// The Node.js checker as a portal server installs it (after `bash
// scripts/release`): `npm install` of procurement-filing-check-VERSION.tgz,
// then check() gives byte for byte what `filing-check --json` prints, for
// every example and every kind of refusal, and never throws on junk.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { CHECKER_SHIPPED } from "../../scripts/npm-package.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const VERSION = /^version = "([^"]+)"/m.exec(fs.readFileSync(path.join(ROOT, "Cargo.toml"), "utf8"))[1];
const TGZ = path.join(ROOT, `release/procurement-filing-check-${VERSION}.tgz`);
const CLI = path.join(ROOT, `release/filing-check-${VERSION}-x86_64-linux`);
const exec = promisify(execFile);

let app;
let check;
before(() => {
  assert.ok(fs.existsSync(TGZ), `no ${TGZ}: run bash scripts/release first`);
  app = fs.mkdtempSync(path.join(os.tmpdir(), "prw-node-"));
  fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "portal-server", private: true }));
  const npm = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", TGZ], { cwd: app, encoding: "utf8" });
  assert.equal(npm.status, 0, npm.stderr);
  check = createRequire(path.join(app, "index.js"))("procurement-filing-check").check;
});
after(() => fs.rmSync(app, { recursive: true, force: true }));

/** `filing-check --json` on the same bytes, with the same options. */
async function cli(bytes, args = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prw-cli-"));
  const file = path.join(dir, "package.json");
  fs.writeFileSync(file, bytes);
  try {
    const { stdout } = await exec(CLI, [file, "--json", ...args]);
    return stdout.trimEnd();
  } catch (e) {
    return e.stdout.trimEnd();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("the package: Cargo.toml's version, exactly the intended files", () => {
  const listed = JSON.parse(spawnSync("npm", ["pack", "--dry-run", "--json", TGZ], { cwd: app, encoding: "utf8" }).stdout)[0];
  assert.equal(listed.version, VERSION);
  assert.deepEqual(listed.files.map((f) => f.path).sort(), [...CHECKER_SHIPPED, "package.json"].sort());
});

test("check() is filing-check --json, byte for byte, on every example and every kind of refusal", async () => {
  const read = (p) => fs.readFileSync(path.join(ROOT, p));
  const small = read("tests/fixtures/J-voluntary.3.json").toString("utf8");
  const params = path.join(app, "thresholds.json");
  fs.writeFileSync(params, JSON.stringify({ many_units: 2 }));
  const cases = [];
  for (const name of fs.readdirSync(path.join(ROOT, "schema/examples"))) cases.push([name, read(`schema/examples/${name}`), {}, []]);
  cases.push(
    ["blocked", read("tests/fixtures/J-voluntary.blocked.json"), {}, []],
    ["1,000 purchasers", read("tests/fixtures/J-voluntary.1000.json"), {}, []],
    ["changed", Buffer.from(small.replace('"budget": "', '"budget": "9')), {}, []],
    ["duplicate key (en)", Buffer.from(small.replace('"budget":', '"budget": "1", "budget":')), { lang: "en" }, ["--lang", "en"]],
    ["duplicate key (zh)", Buffer.from(small.replace('"budget":', '"budget": "1", "budget":')), {}, []],
    ["garbage", Buffer.from("{[}"), {}, []],
    ["lone surrogate", Buffer.from('{"a":"\\udc00"}'), { lang: "en" }, ["--lang", "en"]],
    ["unknown version", Buffer.from(small.replace('"schema_version": "1"', '"schema_version": "2"')), {}, []],
    ["another profile", Buffer.from(small), { profile: "shandong", lang: "en" }, ["--profile", "shandong", "--lang", "en"]],
    ["the portal's thresholds", Buffer.from(small), { params: { many_units: 2 } }, ["--params", params]],
    ["a byte order mark", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(small)]), {}, []],
    ["a profile this checker does not have", read("tests/fixtures/A.haidai.json"), {}, []],
    [
      "the portal's own profile",
      read("tests/fixtures/A.haidai.json"),
      { profile: "haidai", profileData: JSON.parse(read("tests/fixtures/profile-haidai.json")) },
      ["--profile", "haidai", "--profile-file", path.join(ROOT, "tests/fixtures/profile-haidai.json")],
    ],
  );
  for (const [label, bytes, options, args] of cases) {
    assert.equal(JSON.stringify(check(bytes, options)), await cli(bytes, args), label);
  }
  // A string works as well as bytes.
  assert.equal(JSON.stringify(check(small)), await cli(Buffer.from(small)));
});

test("check() never throws: junk, wrong types and bad options come back as exit 2", () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pieces = ['{"schema_version":"1"', "}", "[", '"\\ud800"', "1e999", "null", ",", '"filing":{', "\u0000", "长"];
  for (let i = 0; i < 2000; i++) {
    const junk = i % 2
      ? Uint8Array.from({ length: Math.floor(random() * 64) }, () => Math.floor(random() * 256))
      : Array.from({ length: Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]).join("");
    const r = check(junk);
    assert.equal(r.exit, 2, JSON.stringify(junk));
  }
  for (const [input, options] of [[42, {}], [null, {}], ["{}", { lang: "fr" }], ["{}", { profile: "beijing" }], ["{}", { nope: 1 }], ["{}", { params: { many_units: -1 } }]]) {
    const r = check(input, options);
    assert.equal(r.exit, 2, `${input} ${JSON.stringify(options)}`);
    assert.ok(r.code && r.message.en && r.message["zh-CN"]);
  }
  const cyclic = {};
  cyclic.self = cyclic;
  assert.equal(check("{}", cyclic).code, "bad_options");
});

test("the in-process client example prints the verdict; its time for 1,000 purchasers beside the native checker's", async () => {
  fs.copyFileSync(path.join(ROOT, "examples/server/check-in-process.mjs"), path.join(app, "check-in-process.mjs"));
  for (const [file, exit, shows] of [
    ["tests/fixtures/J-voluntary.3.json", 0, /^ready$/m],
    ["tests/fixtures/J-voluntary.blocked.json", 1, /^blocked$/m],
  ]) {
    const r = spawnSync("node", ["check-in-process.mjs", path.join(ROOT, file)], { cwd: app, encoding: "utf8" });
    assert.equal(r.status, exit, r.stdout + r.stderr);
    assert.match(r.stdout, shows);
  }
  const big = fs.readFileSync(path.join(ROOT, "tests/fixtures/J-voluntary.1000.json"));
  const times = [];
  for (let i = 0; i < 21; i++) {
    const t = performance.now();
    check(big);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const cliTimes = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await cli(big);
    cliTimes.push(performance.now() - t);
  }
  cliTimes.sort((a, b) => a - b);
  console.log(`check, 1,000 purchasers (449 KB): Node module median ${times[10].toFixed(1)} ms in process; filing-check process ${cliTimes[2].toFixed(1)} ms (start to exit)`);
});
