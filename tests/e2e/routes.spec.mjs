// Every route under both profiles, by keyboard alone: each page passes
// axe-core in both languages, the package it ends in is accepted by the
// native checker with the same findings, and the console stays clean.
import { test, expect } from "@playwright/test";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDemo, watchConsole } from "./helpers.mjs";
import { axeClean } from "./a11y.mjs";
import { fill, choose, tick, press } from "./keyboard.mjs";
import { script, uscc, ROUTES, PROFILES } from "./routes.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CHECKER = path.join(ROOT, "target/debug/filing-check");

async function act(page, [kind, a, b, c]) {
  if (kind === "fill") await fill(page, a, b, c);
  else if (kind === "choose") await choose(page, a, b, c);
  else if (kind === "tick") await tick(page, a);
  else if (kind === "press") await press(page, a);
}

async function onPage(page, heading) {
  const h = page.locator("#wizard h2.prw-heading");
  await expect(h).toHaveText(heading);
  await expect(h).toBeFocused();
}

for (const profile of PROFILES) {
  for (const route of ROUTES) {
    test(`${route} under ${profile}: keyboard only, axe clean, package accepted natively`, async ({ page }) => {
      test.setTimeout(120_000);
      const console = watchConsole(page);
      await openDemo(page, `?profile=${profile}`);
      await axeClean(page, "start");
      await press(page, "开始");
      for (const [heading, actions] of script(route, profile)) {
        await onPage(page, heading);
        await axeClean(page, heading);
        for (const a of actions) await act(page, a);
        await press(page, "继续");
        const summary = page.locator("#wizard .prw-error-summary");
        if (await summary.count()) throw new Error(`${heading}: ${await summary.textContent()}`);
      }
      await onPage(page, "提交前核对您的填写");
      await axeClean(page, "check answers");
      await press(page, "生成备案包");
      await onPage(page, "备案包已生成");
      await axeClean(page, "done");

      const json = await page.locator("#wizard pre.prw-pre").textContent();
      const pkg = JSON.parse(json);
      expect(pkg.route).toBe(route);
      expect(pkg.profile).toBe(profile);
      expect(pkg.ready).toBe(true);
      const run = spawnSync(CHECKER, ["--json"], { input: json, encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
      const verdict = JSON.parse(run.stdout);
      expect(verdict.ready).toBe(true);
      expect(verdict.findings_match_package).toBe(true);
      console.assertClean();
    });
  }
}

// A third city's profile, loaded as data through `profileData`: route A
// walked by keyboard, its clauses in the package, and the native checker
// given the same file agrees.
test("A under a portal's own profile (profileData): its clauses, accepted by filing-check --profile-file", async ({ page }) => {
  test.setTimeout(120_000);
  const console = watchConsole(page);
  const file = path.join(ROOT, "tests/fixtures/profile-haidai.json");
  const data = JSON.parse(fs.readFileSync(file, "utf8"));
  await openDemo(page);
  await page.evaluate((profileData) => {
    window.wizard.unmount();
    const old = document.getElementById("wizard");
    const el = document.createElement("div");
    old.replaceWith(el);
    el.id = "wizard";
    window.wizard = window.wasmBindings.mount(el, { profileData, namespace: "haidai" });
  }, data);
  await expect(page.locator("#wizard h2.prw-heading")).toBeVisible();
  await press(page, "开始");
  const pages = script("A", "shandong");
  pages[1] = ["采购单位信息", [
    ["fill", "单位名称", "海岱市教育局"],
    ["fill", "统一社会信用代码", uscc(418000, "11", "379001")],
    ["choose", "行政级别", "县级"],
    ["fill", "联系人", "张三"],
    ["fill", "联系电话", "13812345678"],
  ]];
  for (const [heading, actions] of pages) {
    await onPage(page, heading);
    for (const a of actions) await act(page, a);
    await press(page, "继续");
    const summary = page.locator("#wizard .prw-error-summary");
    if (await summary.count()) throw new Error(`${heading}: ${await summary.textContent()}`);
  }
  await onPage(page, "提交前核对您的填写");
  await press(page, "生成备案包");
  await onPage(page, "备案包已生成");
  const json = await page.locator("#wizard pre.prw-pre").textContent();
  const pkg = JSON.parse(json);
  expect(pkg.profile).toBe("haidai");
  expect(pkg.profile_digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(pkg.ready).toBe(true);
  expect(pkg.findings.some((f) => f.clause["zh-CN"].includes("海财采〔2025〕3号"))).toBe(true);
  const without = spawnSync(CHECKER, ["--json"], { input: json, encoding: "utf8" });
  expect(without.status).toBe(2);
  const run = spawnSync(CHECKER, ["--json", "--profile-file", file, "--profile", "haidai"], { input: json, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  const verdict = JSON.parse(run.stdout);
  expect(verdict.ready).toBe(true);
  expect(verdict.findings_match_package).toBe(true);
  console.assertClean();
});
