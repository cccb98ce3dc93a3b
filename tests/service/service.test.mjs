// `filing-check serve` as a portal server uses it, against the release's
// static binary (run after `bash scripts/release`): the documented status
// codes and bodies, 200 bodies equal to `filing-check --json`, an access log
// with no personal data, the Java and Python clients, a soak of 10^5 mixed
// requests from concurrent clients, and SIGTERM with requests in flight.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const VERSION = /^version = "([^"]+)"/m.exec(fs.readFileSync(path.join(ROOT, "Cargo.toml"), "utf8"))[1];
const BIN = process.env.FILING_CHECK_BIN || path.join(ROOT, `release/filing-check-${VERSION}-x86_64-linux`);
const fixture = (name) => fs.readFileSync(path.join(ROOT, "tests/fixtures", name));
const SMALL = fixture("J-voluntary.3.json");
const LARGE = fixture("J-voluntary.1000.json");
const BLOCKED = fixture("J-voluntary.blocked.json");
const TAMPERED = Buffer.from(SMALL.toString("utf8").replace('"budget": "', '"budget": "9'));
const DUPLICATE = Buffer.from(SMALL.toString("utf8").replace('"budget":', '"budget": "1.00", "budget":'));
const GARBAGE = Buffer.from("{\"schema_version\": \"1\", [");
const MAX_BODY = 512 * 1024;
const OVERSIZED = Buffer.alloc(MAX_BODY + 1, 0x20);

/** Start the service on a free loopback port; its stderr is the access log. */
async function start(extra = []) {
  const child = spawn(BIN, ["serve", "--listen", "127.0.0.1:0", "--max-body", `${MAX_BODY}`, ...extra], { stdio: ["ignore", "ignore", "pipe"] });
  const chunks = [];
  let address = null;
  const listening = new Promise((resolve, reject) => {
    child.stderr.on("data", (chunk) => {
      chunks.push(chunk);
      if (address) return;
      const m = /"address":"([^"]+)"/.exec(Buffer.concat(chunks).toString("utf8"));
      if (m) resolve((address = m[1]));
    });
    child.once("exit", (code) => reject(new Error(`service exited ${code}: ${Buffer.concat(chunks)}`)));
  });
  await listening;
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return { child, base: `http://${address}`, log: () => Buffer.concat(chunks).toString("utf8"), exited };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** POST (or GET) and read the whole answer. A large body is announced
 * with `Expect: 100-continue`, as HTTP clients do for uploads: the service
 * answers 413 before the body is sent when it is too large. */
function send(base, pathname, body, { type = "application/json", method = "POST", via = null } = {}) {
  return new Promise((resolve, reject) => {
    const large = !via && body && body.length > 64 * 1024;
    const headers = body ? { "content-type": type, "content-length": body.length } : {};
    if (large) Object.assign(headers, { expect: "100-continue", connection: "close" });
    let answered = false;
    const req = http.request(`${base}${pathname}`, { method, agent: via ?? (large ? false : agent), headers }, (res) => {
      answered = true;
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
      res.on("error", reject);
    });
    req.on("error", (e) => (answered ? undefined : reject(e)));
    if (large) req.on("continue", () => req.end(body));
    else req.end(body ?? undefined);
  });
}

/** Stream `body` in chunks with no declared length (chunked), as a client
 * that does not know the size would; resolve with the status. */
function stream(base, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/v1/check`, { method: "POST", agent: false, headers: { "content-type": "application/json" } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", reject);
    let at = 0;
    const pump = () => {
      if (at >= body.length) return req.end();
      const piece = body.subarray(at, (at += 64 * 1024));
      if (req.write(piece)) setTimeout(pump, 2);
      else req.once("drain", pump);
    };
    pump();
  });
}

// Children run asynchronously: a blocked event loop would stop draining
// the service's access log, and the service would wait on its pipe.
const exec = promisify(execFile);
async function runChild(cmd, args) {
  try {
    const { stdout, stderr } = await exec(cmd, args, { encoding: "utf8", maxBuffer: 64 << 20 });
    return { status: 0, stdout, stderr };
  } catch (e) {
    if (typeof e.code !== "number") throw e;
    return { status: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function rss(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) * 1024;
}

let svc;
before(async () => {
  assert.ok(fs.existsSync(BIN), `no ${BIN}: run bash scripts/release first`);
  svc = await start();
});
after(() => svc?.child.kill("SIGKILL"));

test("every outcome has its documented status and a bilingual JSON body", async () => {
  const cases = [
    ["ready", SMALL, {}, 200],
    ["blocked", BLOCKED, {}, 200],
    ["duplicate key", DUPLICATE, {}, 400, "duplicate_key"],
    ["garbage", GARBAGE, {}, 400, "not_json"],
    ["lone surrogate", Buffer.from('{"a":"\\ud800"}'), {}, 400, "lone_surrogate"],
    ["changed after it was made", TAMPERED, {}, 422, "digest_mismatch"],
    ["unknown version", Buffer.from(SMALL.toString("utf8").replace('"schema_version": "1"', '"schema_version": "2"')), {}, 422, "unknown_version"],
    ["too large", OVERSIZED, {}, 413, "too_large"],
    ["not JSON content", SMALL, { type: "text/plain" }, 415, "unsupported_media_type"],
  ];
  for (const [label, body, opts, status, code] of cases) {
    const r = await send(svc.base, "/v1/check", body, opts);
    assert.equal(r.status, status, `${label}: ${r.text}`);
    assert.match(r.headers["content-type"], /^application\/json/);
    const json = JSON.parse(r.text);
    if (status === 200) {
      assert.equal(json.ok, true);
      assert.equal(json.exit, label === "ready" ? 0 : 1);
    } else {
      assert.deepEqual([json.ok, json.exit, json.code], [false, 2, code], label);
      assert.ok(json.message["zh-CN"] && json.message.en, label);
    }
  }
  // A body with no declared length is cut off at the limit as it streams.
  assert.equal(await stream(svc.base, Buffer.alloc(MAX_BODY + 64 * 1024, 0x20)).catch((e) => String(e)), 413);
  const en = JSON.parse((await send(svc.base, "/v1/check?lang=en", DUPLICATE)).text);
  assert.equal(en.error, 'filing.project: key "budget" appears twice');
  for (const [p, want] of [["/healthz", "ok"], ["/v1/version", VERSION], ["/v1/schema", "Filing package v1"]]) {
    const r = await send(svc.base, p, null, { method: "GET" });
    assert.equal(r.status, 200, p);
    assert.ok(r.text.includes(want), `${p}: ${r.text.slice(0, 200)}`);
  }
  assert.equal((await send(svc.base, "/nothing", null, { method: "GET" })).status, 404);
});

test("a 200 body is filing-check --json's output, byte for byte", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prw-svc-"));
  for (const name of fs.readdirSync(path.join(ROOT, "schema/examples")).concat(["../../tests/fixtures/J-voluntary.blocked.json"])) {
    const file = path.join(ROOT, "schema/examples", name);
    const cli = await runChild(BIN, [file, "--json"]);
    const r = await send(svc.base, "/v1/check", fs.readFileSync(file));
    assert.equal(r.text, cli.stdout.trimEnd(), name);
  }
  fs.rmSync(dir, { recursive: true });
});

test("a portal's own profile (--profile-file) judges packages made under it; without it they are refused", async () => {
  const pkg = fixture("A.haidai.json");
  const unknown = await send(svc.base, "/v1/check?lang=en", pkg);
  assert.equal(unknown.status, 422);
  assert.equal(JSON.parse(unknown.text).code, "unknown_profile");
  const profile = path.join(ROOT, "tests/fixtures/profile-haidai.json");
  const city = await start(["--profile-file", profile, "--profile", "haidai"]);
  try {
    const r = await send(city.base, "/v1/check", pkg);
    assert.equal(r.status, 200, r.text);
    const v = JSON.parse(r.text);
    assert.equal(v.ready, true);
    assert.ok(r.text.includes("海财采〔2025〕3号 第二条"), r.text.slice(0, 400));
    const cli = await runChild(BIN, [path.join(ROOT, "tests/fixtures/A.haidai.json"), "--profile-file", profile, "--json"]);
    assert.equal(r.text, cli.stdout.trimEnd());
    const version = JSON.parse((await send(city.base, "/v1/version", null, { method: "GET" })).text);
    assert.deepEqual(version.profiles, ["shandong", "liaocheng", "haidai"]);
    assert.match(version.profile_digests.haidai, /^sha256:[0-9a-f]{64}$/);
    // Pinned to the city: a Liaocheng package is refused.
    assert.equal((await send(city.base, "/v1/check", SMALL)).status, 422);
  } finally {
    city.child.kill("SIGKILL");
  }
});

test("the access log has one JSON line per request and none of the filing's contents", async () => {
  const before = svc.log().split("\n").length;
  await send(svc.base, "/v1/check", SMALL);
  await send(svc.base, "/v1/check", BLOCKED);
  const lines = svc.log().trim().split("\n").slice(before - 1).map((l) => JSON.parse(l));
  const checks = lines.filter((l) => l.path === "/v1/check");
  assert.ok(checks.length >= 2);
  for (const l of checks) for (const k of ["time", "status", "bytes_in", "bytes_out", "duration_ms", "ready", "rules"]) assert.ok(k in l, k);
  const pkg = JSON.parse(SMALL.toString("utf8"));
  const personal = [pkg.filing.purchaser.name, pkg.filing.purchaser.uscc, pkg.filing.purchaser.contact_phone, pkg.filing.purchaser.contact_name, pkg.filing.project.name];
  for (const secret of personal) assert.ok(secret && !svc.log().includes(secret), `log holds ${secret}`);
});

test("the Java (java.net.http) and Python (standard library) clients post a package and print the verdict", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prw-java-"));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const javac = await runChild("javac", ["-d", dir, path.join(ROOT, "examples/server/CheckPackage.java")]);
  assert.equal(javac.status, 0, javac.stderr);
  const cases = [
    [path.join(ROOT, "tests/fixtures/J-voluntary.3.json"), 0, /^ready/],
    [path.join(ROOT, "tests/fixtures/J-voluntary.blocked.json"), 1, /^blocked/],
  ];
  fs.writeFileSync(path.join(dir, "changed.json"), TAMPERED);
  cases.push([path.join(dir, "changed.json"), 2, /not judged/]);
  for (const [file, exit, shows] of cases) {
    const java = await runChild("java", ["-cp", dir, "CheckPackage", file, svc.base]);
    assert.equal(java.status, exit, `java ${file}: ${java.stdout}${java.stderr}`);
    assert.match(java.stdout, shows);
    const py = await runChild("python3", [path.join(ROOT, "examples/server/check_package.py"), file, svc.base]);
    assert.equal(py.status, exit, `python ${file}: ${py.stdout}${py.stderr}`);
    assert.match(py.stdout, exit === 2 ? /not judged \(HTTP 422, digest_mismatch\)/ : exit === 0 ? /ready$/m : /blocked$/m);
  }
});

test("soak: 10^5 mixed requests from 16 clients — documented statuses, no connection error, no 5xx, bounded memory", async () => {
  const mix = [
    [SMALL, {}, 200, 150],
    [BLOCKED, {}, 200, 60],
    [TAMPERED, {}, 422, 30],
    [DUPLICATE, {}, 400, 30],
    [GARBAGE, {}, 400, 20],
    [SMALL, { type: "text/plain" }, 415, 8],
    [OVERSIZED, {}, 413, 1],
    [LARGE, {}, 200, 1],
  ];
  const deck = mix.flatMap(([body, opts, status, weight]) => Array(weight).fill([body, opts, status]));
  const total = 100_000;
  const clients = 16;
  const rssBefore = rss(svc.child.pid);
  const counts = {};
  let wrong = 0;
  let errors = 0;
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const [body, opts, status] = deck[(i * 7919) % deck.length];
        try {
          const r = await send(svc.base, "/v1/check", body, opts);
          counts[r.status] = (counts[r.status] || 0) + 1;
          if (r.status !== status) wrong++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const rssAfter = rss(svc.child.pid);
  console.log(`soak: ${total} requests in ${seconds.toFixed(1)} s (${Math.round(total / seconds)}/s), statuses ${JSON.stringify(counts)}, RSS ${(rssBefore / 2 ** 20).toFixed(1)} → ${(rssAfter / 2 ** 20).toFixed(1)} MiB`);
  assert.equal(errors, 0, "connection errors");
  assert.equal(wrong, 0, "responses with another status than documented");
  assert.ok(!Object.keys(counts).some((s) => s >= 500), JSON.stringify(counts));
  assert.ok(rssAfter < 256 * 2 ** 20, `RSS ${rssAfter}`);
});

test("SIGTERM with requests in flight: they complete, new ones are refused, the process exits 0", async () => {
  const own = await start();
  // 24 connections, accepted before anything is signalled (a connection
  // still in the listen backlog holds no request the service has begun).
  const pool = new http.Agent({ keepAlive: true, maxSockets: 24 });
  await Promise.all(Array.from({ length: 24 }, () => send(own.base, "/healthz", null, { method: "GET", via: pool })));
  // 24 large packages on them: ~24 × 7 ms of judging, two at a time; the
  // signal comes once every request has reached the service.
  let finished = 0;
  const inflight = Array.from({ length: 24 }, () =>
    send(own.base, "/v1/check", LARGE, { via: pool })
      .catch((e) => ({ error: e }))
      .finally(() => finished++),
  );
  await new Promise((r) => setTimeout(r, 40));
  const unfinishedAtSignal = 24 - finished;
  own.child.kill("SIGTERM");
  const results = await Promise.all(inflight);
  assert.ok(unfinishedAtSignal > 0, "the signal came after every request had finished: the test proves nothing");
  assert.ok(results.every((r) => r.status === 200), JSON.stringify(results.map((r) => r.status ?? String(r.error))));
  const { code, signal } = await own.exited;
  assert.deepEqual({ code, signal }, { code: 0, signal: null });
  await assert.rejects(send(own.base, "/healthz", null, { method: "GET" }));
  assert.match(own.log(), /"event":"shutdown"/);
});
