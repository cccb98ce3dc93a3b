// Embedding as portal developers do it: each example page works; instances
// are independent; unmount leaves nothing; CSS does not cross the shadow
// boundary either way; bad config is refused clearly; the submit event
// carries a package that validates against the JSON Schema and passes
// filing-check; everything runs under a strict Content-Security-Policy.
import { test, expect } from "@playwright/test";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { watchConsole, completeRoute } from "./helpers.mjs";
import { script } from "./routes.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, "schema/filing-package-v1.schema.json"), "utf8"));
const heading = (loc) => loc.locator("h2.prw-heading");

// From the start page to the first question of a voluntary joint
// procurement (zh), in the wizard under `root`.
async function startVoluntary(root) {
  await root.getByRole("button", { name: "开始", exact: true }).click();
  await root.getByLabel("自主联合采购").check();
  await root.getByRole("button", { name: "继续", exact: true }).click();
}

async function open(page, example, port = 4173) {
  await page.goto(`http://127.0.0.1:${port}/examples/${example}`);
}

test("plain script tag: init, mount, handle API, locked pre-filled fields", async ({ page }) => {
  const console = watchConsole(page);
  await open(page, "plain-script.html");
  const w = page.locator("#wizard");
  await expect(heading(w)).toHaveText("采购组织形式备案");
  await expect(page.locator("#log")).toContainText("wizard:ready");
  expect(await page.evaluate(() => window.handle.getPackage())).toBe(null);
  await startVoluntary(w);
  await expect(page.locator("#log")).toContainText("wizard:change");
  const name = w.getByLabel(/^单位名称/);
  await expect(name).toHaveValue("聊城市教育局");
  await expect(name).toHaveAttribute("readonly", "");
  await expect(w.getByText("（由门户提供）").first()).toBeVisible();
  const pkg = await page.evaluate(() => window.handle.getPackage());
  expect(pkg.route).toBe("J-voluntary");
  expect(pkg.ready).toBe(false);
  const findings = await page.evaluate(() => window.handle.validate());
  expect(findings.some((f) => f.rule === "J3")).toBe(true);
  await page.evaluate(() => window.handle.setLocale("en"));
  await expect(heading(w)).toHaveText("About your unit");
  const bad = await page.evaluate(() => {
    try {
      window.handle.setLocale("fr");
    } catch (e) {
      return e.message;
    }
  });
  expect(bad).toContain("unknown locale");
  console.assertClean();
});

test("event details carry exactly the fields wizard.d.ts documents, as JSON types", async ({ page }) => {
  const console = watchConsole(page);
  await open(page, "custom-element.html");
  const el = page.locator("procurement-route-wizard");
  await expect(heading(el)).toHaveText("采购组织形式备案");
  await startVoluntary(el);
  await expect(heading(el)).toHaveText("采购单位信息");
  const of = (type) => page.evaluate((t) => window.events.filter((e) => e.type === t).map((e) => e.detail), type);
  await expect.poll(async () => (await of("wizard:draft-saved")).length).toBeGreaterThan(0);
  const [ready] = await of("wizard:ready");
  expect(Object.keys(ready).sort()).toEqual(["instance", "locale", "profile"]);
  expect(ready).toMatchObject({ locale: "zh-CN", profile: "liaocheng" });
  expect(typeof ready.instance).toBe("string");
  const changes = await of("wizard:change");
  expect(changes).toContainEqual({ step: "route", route: null });
  expect(changes).toContainEqual({ step: "purchaser", route: "J-voluntary" });
  const saved = (await of("wizard:draft-saved")).at(-1);
  expect(Object.keys(saved).sort()).toEqual(["id", "revision", "savedAt"]);
  expect(saved.id).toMatch(/^[A-Za-z0-9-]+$/);
  expect(Number.isInteger(saved.revision) && saved.revision >= 1).toBe(true);
  expect(saved.savedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  console.assertClean();
});

test("theming: custom properties from the config or the host's CSS reach the wizard", async ({ page }) => {
  await open(page, "plain-script.html");
  await expect(page.locator("#log")).toContainText("wizard:ready");
  const colours = await page.evaluate(async () => {
    const { mount } = window.embedApi;
    const a = document.createElement("div");
    const b = document.createElement("div");
    b.className = "themed-by-css";
    document.body.append(a, b);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(".themed-by-css { --prw-color-primary: rgb(0, 94, 165); }");
    document.adoptedStyleSheets = [sheet];
    mount(a, { namespace: "theme-a", theme: { "--prw-color-primary": "rgb(120, 0, 90)" } });
    mount(b, { namespace: "theme-b" });
    await new Promise((r) => setTimeout(r, 300));
    const bg = (el) => getComputedStyle(el.shadowRoot.querySelector("button.prw-button")).backgroundColor;
    return [bg(a), bg(b)];
  });
  expect(colours).toEqual(["rgb(120, 0, 90)", "rgb(0, 94, 165)"]);
});

test("init({ base }) loads the wasm and the stylesheet from another folder", async ({ page }) => {
  const console = watchConsole(page);
  const served = [];
  // A "CDN" folder that only exists in this test: it serves dist/'s files.
  await page.route((url) => url.pathname.startsWith("/cdn/wizard/"), (route) => {
    const name = new URL(route.request().url()).pathname.split("/").pop();
    served.push(name);
    route.fulfill({ path: path.join(ROOT, "dist", name) });
  });
  await page.goto("http://127.0.0.1:4173/examples/base-url.html?base=/cdn/wizard/");
  const w = page.locator("#wizard");
  await expect(heading(w)).toHaveText("采购组织形式备案");
  await expect(w.locator("button.prw-button").first()).toHaveCSS("background-color", "rgb(0, 112, 60)");
  expect(served.sort()).toEqual(["procurement-route-wizard_bg.wasm", "wizard.css"]);
  console.assertClean();
});

test("bad config throws an Error naming the field, and mounts nothing", async ({ page }) => {
  await open(page, "plain-script.html");
  await expect(page.locator("#log")).toContainText("wizard:ready");
  const results = await page.evaluate(() => {
    const { mount } = window.embedApi;
    const cases = [
      { profile: "beijing" },
      { colour: "red" },
      { prefill: { nmae: "x" } },
      { theme: { color: "red" } },
      { postMessage: { targetOrigin: "*" } },
      { namespace: "has spaces" },
      { thresholds: { many_units: 0 } },
    ];
    return cases.map((config) => {
      const el = document.createElement("div");
      document.body.append(el);
      try {
        mount(el, config);
        return { ok: true };
      } catch (e) {
        return { message: e.message, isError: e instanceof Error, mounted: !!el.shadowRoot && el.shadowRoot.childElementCount > 0 };
      } finally {
        el.remove();
      }
    });
  });
  const fields = ["profile", "colour", "prefill.nmae", "theme.color", "postMessage.targetOrigin", "namespace", "thresholds.many_units"];
  results.forEach((r, i) => {
    expect(r.isError).toBe(true);
    expect(r.message).toContain(`invalid config.${fields[i]}`);
    expect(r.mounted).toBe(false);
  });
});

test("custom element: mounts when connected, follows attributes, unmounts when removed", async ({ page }) => {
  const console = watchConsole(page);
  await open(page, "custom-element.html");
  const el = page.locator("procurement-route-wizard");
  await expect(heading(el)).toHaveText("采购组织形式备案");
  await expect.poll(() => page.evaluate(() => window.events.map((e) => e.type))).toContain("wizard:ready");
  await page.evaluate(() => document.querySelector("procurement-route-wizard").setAttribute("locale", "en"));
  await expect(heading(el)).toHaveText("File your procurement route");
  await page.evaluate(() => document.querySelector("procurement-route-wizard").setAttribute("profile", "shandong"));
  await expect.poll(() => page.evaluate(() => window.events.filter((e) => e.type === "wizard:ready").map((e) => e.detail.profile))).toEqual(["liaocheng", "shandong"]);
  await page.evaluate(() => document.querySelector("procurement-route-wizard").remove());
  expect(await page.evaluate(() => document.querySelectorAll("procurement-route-wizard").length)).toBe(0);
  console.assertClean();
});

test("two instances keep separate state, drafts and element ids", async ({ page }) => {
  await open(page, "two-instances.html");
  const a = page.locator("#first");
  const b = page.locator("#second");
  await expect(heading(a)).toHaveText("采购组织形式备案");
  await expect(heading(b)).toHaveText("File your procurement route");
  await startVoluntary(a);
  await a.getByLabel("联系人", { exact: true }).fill("甲单位联系人");
  await b.getByRole("button", { name: "Start now" }).click();
  await b.getByLabel("Batch procurement through the online mall").check();
  await b.getByRole("button", { name: "Continue", exact: true }).click();
  await b.getByLabel("Contact person").fill("乙单位联系人");
  await expect(a.getByLabel("联系人", { exact: true })).toHaveValue("甲单位联系人");
  await expect(b.getByLabel("Contact person")).toHaveValue("乙单位联系人");
  const ids = await page.evaluate(() => {
    const all = [...document.querySelectorAll("#first, #second")].flatMap((h) => [...h.shadowRoot.querySelectorAll("[id]")].map((e) => e.id));
    return { count: all.length, unique: new Set(all).size };
  });
  expect(ids.unique).toBe(ids.count);
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("prw:portal:")).map((k) => k.split(":draft:")[0]).sort()))
    .toEqual(["prw:portal:unit-a", "prw:portal:unit-b"]);
  const drafts = await page.evaluate(() =>
    Object.entries(localStorage).filter(([k]) => k.startsWith("prw:portal:")).map(([k, v]) => [k.split(":draft:")[0], JSON.parse(v).filing.purchaser.contact_name]),
  );
  expect(Object.fromEntries(drafts)).toEqual({ "prw:portal:unit-a": "甲单位联系人", "prw:portal:unit-b": "乙单位联系人" });
});

test("unmount() leaves no DOM and no listeners behind", async ({ page }) => {
  // Count the listeners the page holds on window and document.
  await page.addInitScript(() => {
    const live = new Set();
    for (const target of [window, document]) {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      target.addEventListener = (type, fn, opts) => {
        live.add(`${target === window ? "w" : "d"}:${type}:${fnId(fn)}`);
        return add(type, fn, opts);
      };
      target.removeEventListener = (type, fn, opts) => {
        live.delete(`${target === window ? "w" : "d"}:${type}:${fnId(fn)}`);
        return remove(type, fn, opts);
      };
    }
    const ids = new WeakMap();
    let next = 0;
    function fnId(fn) {
      if (!ids.has(fn)) ids.set(fn, ++next);
      return ids.get(fn);
    }
    window.liveListeners = () => [...live].sort();
  });
  await open(page, "plain-script.html");
  await expect(page.locator("#log")).toContainText("wizard:ready");
  const result = await page.evaluate(async () => {
    const { mount } = window.embedApi;
    const before = window.liveListeners();
    const el = document.createElement("div");
    document.body.append(el);
    const h = mount(el, { namespace: "unmount-test" });
    await new Promise((r) => setTimeout(r, 50));
    const during = window.liveListeners();
    h.unmount();
    await new Promise((r) => setTimeout(r, 50));
    return { before, during, after: window.liveListeners(), children: el.shadowRoot.childElementCount, text: el.shadowRoot.textContent };
  });
  expect(result.during.length).toBeGreaterThan(result.before.length);
  expect(result.after).toEqual(result.before);
  expect(result.children).toBe(0);
  expect(result.text).toBe("");
});

/** Computed styles of a few wizard elements and of host elements. */
async function styles(page) {
  return page.evaluate(() => {
    const pick = (el, props) => (el ? Object.fromEntries(props.map((p) => [p, getComputedStyle(el)[p]])) : null);
    const root = document.querySelector("#wizard").shadowRoot;
    const props = ["color", "fontFamily", "fontSize", "letterSpacing", "textTransform", "display", "boxSizing", "backgroundColor", "borderTopStyle", "lineHeight", "textAlign"];
    return {
      heading: pick(root.querySelector("h2.prw-heading"), props),
      button: pick(root.querySelector("button.prw-button"), props),
      body: pick(root.querySelector("p.prw-body"), props),
      host: {
        text: pick(document.querySelector(".host-text"), props),
        button: pick(document.querySelector(".host-button"), props),
        input: pick(document.querySelector(".host-input"), props),
      },
    };
  });
}

test("host CSS does not reach the wizard, and the wizard's CSS does not reach the host", async ({ browser }) => {
  const plain = await browser.newPage();
  await open(plain, "plain-script.html");
  await expect(heading(plain.locator("#wizard"))).toBeVisible();
  const clean = await styles(plain);

  const hostile = await browser.newPage();
  // The host page's own look before any wizard exists.
  await hostile.route("**/plain-script.js", (route) => route.fulfill({ contentType: "text/javascript", body: "" }));
  await open(hostile, "aggressive-css.html");
  const hostBefore = (await hostile.evaluate(() => {
    const pick = (el) => Object.fromEntries(["color", "fontFamily", "fontSize", "letterSpacing", "textTransform", "display", "boxSizing", "backgroundColor", "borderTopStyle", "lineHeight", "textAlign"].map((p) => [p, getComputedStyle(el)[p]]));
    return { text: pick(document.querySelector(".host-text")), button: pick(document.querySelector(".host-button")), input: pick(document.querySelector(".host-input")) };
  }));
  await hostile.unroute("**/plain-script.js");
  await open(hostile, "aggressive-css.html");
  await expect(heading(hostile.locator("#wizard"))).toBeVisible();
  const withWizard = await styles(hostile);

  expect(withWizard.heading).toEqual(clean.heading);
  expect(withWizard.button).toEqual(clean.button);
  expect(withWizard.body).toEqual(clean.body);
  expect(withWizard.host).toEqual(hostBefore);
  expect(hostBefore.button.backgroundColor).toBe("rgb(255, 105, 180)");
});

test("wizard:submit carries a package that validates against the JSON Schema and passes filing-check", async ({ page }) => {
  const console = watchConsole(page);
  await open(page, "custom-element.html");
  const pages = script("D-join", "liaocheng");
  // The custom element page has no #wizard id on a div: point the helpers at the element.
  await page.evaluate(() => (document.querySelector("procurement-route-wizard").id = "wizard"));
  await completeRoute(page, pages);
  await page.locator("#wizard").getByRole("button", { name: "生成备案包" }).click();
  await expect.poll(() => page.evaluate(() => !!window.lastSubmit)).toBe(true);
  const pkg = await page.evaluate(() => window.lastSubmit);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // schemars marks integer widths; money in fen must stay exact in JS.
  ajv.addFormat("int64", { type: "number", validate: Number.isSafeInteger });
  ajv.addFormat("uint32", { type: "number", validate: (n) => Number.isInteger(n) && n >= 0 && n <= 0xffffffff });
  const validate = ajv.compile(SCHEMA);
  expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
  const run = spawnSync(path.join(ROOT, "target/debug/filing-check"), ["--json"], { input: JSON.stringify(pkg), encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  expect(JSON.parse(run.stdout).findings_match_package).toBe(true);
  console.assertClean();
});

test("iframe host: events arrive by postMessage from the frame's origin, and the frame sizes itself", async ({ page }) => {
  const console = watchConsole(page);
  await open(page, "iframe-host.html");
  const frame = page.frameLocator("#frame");
  await expect(frame.locator("#wizard h2.prw-heading")).toHaveText("采购组织形式备案");
  await expect.poll(() => page.evaluate(() => window.messages.map((m) => m.type))).toContain("wizard:ready");
  await frame.locator("#wizard").getByRole("button", { name: "开始", exact: true }).click();
  await expect.poll(() => page.evaluate(() => window.messages.some((m) => m.type === "wizard:change" && m.detail.step === "route"))).toBe(true);
  const height = await page.evaluate(() => document.getElementById("frame").getBoundingClientRect().height);
  expect(height).toBeGreaterThan(400);
  console.assertClean();
});

// Every example page under default-src 'none' plus the documented
// directives (scripts/static-server.mjs --csp): the wizard appears and the
// console shows no violation ("Refused to …" is a console error).
for (const [example, where] of [
  ["plain-script.html", "#wizard"],
  ["custom-element.html", "procurement-route-wizard"],
  ["two-instances.html", "#second"],
  ["base-url.html", "#wizard"],
  ["aggressive-css.html", "#wizard"],
  ["iframe-host.html", null],
]) {
  test(`${example} works under the strict Content-Security-Policy`, async ({ page }) => {
    const console = watchConsole(page);
    const response = await page.goto(`http://127.0.0.1:4174/examples/${example}`);
    expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
    const root = where ? page.locator(where) : page.frameLocator("#frame").locator("#wizard");
    await expect(heading(root)).toBeVisible();
    await root.getByRole("button", { name: /^(开始|Start now)$/ }).click();
    await expect(heading(root)).toHaveText(/选择采购组织形式|How is the procurement organised\?/);
    console.assertClean();
  });
}

test("the iframe example posts only to a parent on its allow-list, and may be framed by its own origin only", async ({ page }) => {
  const response = await page.goto("http://127.0.0.1:4173/examples/iframe-child.html");
  expect(response.headers()["content-security-policy"]).toBe("frame-ancestors 'self'");
  const source = fs.readFileSync(path.join(ROOT, "examples/iframe-child.js"), "utf8");
  expect(source).not.toContain("URLSearchParams");
  expect(source).toContain("PARENT_ORIGINS.includes(");
});

test("works under Content-Security-Policy script-src 'self' 'wasm-unsafe-eval'; style-src 'self'", async ({ page }) => {
  const console = watchConsole(page);
  const response = await page.goto("http://127.0.0.1:4174/examples/plain-script.html");
  expect(response.headers()["content-security-policy"]).toContain("wasm-unsafe-eval");
  const w = page.locator("#wizard");
  await expect(heading(w)).toHaveText("采购组织形式备案");
  await startVoluntary(w);
  await expect(heading(w)).toHaveText("采购单位信息");
  // The stylesheet applied inside the shadow root (a style-src 'self' link).
  await expect(w.locator("button.prw-button").first()).toHaveCSS("background-color", "rgb(0, 112, 60)");
  console.assertClean();
});

test("getPackage() mid-filing is judged by the checker as the browser recorded it, and validate() agrees", async ({ page }) => {
  const console = watchConsole(page);
  await open(page, "plain-script.html");
  const w = page.locator("#wizard");
  await startVoluntary(w);
  await w.getByLabel("联系人", { exact: true }).fill("张三");
  const pkg = await page.evaluate(() => window.handle.getPackage());
  const findings = await page.evaluate(() => window.handle.validate());
  expect(pkg.ready).toBe(false);
  const run = spawnSync(path.join(ROOT, "target/debug/filing-check"), ["--json"], { input: JSON.stringify(pkg), encoding: "utf8" });
  // Not refused (exit 2): every derived field of the browser's package follows from its filing.
  expect(run.status, run.stdout + run.stderr).toBe(1);
  const judged = JSON.parse(run.stdout);
  expect(judged.findings_match_package).toBe(true);
  expect(judged.findings).toEqual(findings);
  console.assertClean();
});
