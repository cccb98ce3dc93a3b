// Every route under both profiles, by keyboard alone: each page passes
// axe-core in both languages, the package it ends in is accepted by the
// native checker with the same findings, and the console stays clean.
import { test, expect } from "@playwright/test";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDemo, watchConsole } from "./helpers.mjs";
import { axeClean } from "./a11y.mjs";
import { fill, choose, tick, press } from "./keyboard.mjs";
import { script, ROUTES, PROFILES } from "./routes.mjs";

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
