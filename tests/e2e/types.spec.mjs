// TypeScript definitions cannot drift: wizard.d.ts is generated from the
// JSON Schema (itself generated from the Rust types), and every example
// package type-checks against it, as do the API calls the docs show.
import { test, expect } from "@playwright/test";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

test("wizard.d.ts is what the JSON Schema generates", () => {
  const run = spawnSync("node", ["scripts/gen-types.mjs", "--check"], { cwd: ROOT, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
});

test("every example package and the documented API calls type-check with tsc --strict", () => {
  const dir = path.join(ROOT, "target/types-check");
  fs.mkdirSync(dir, { recursive: true });
  const examples = fs.readdirSync(path.join(ROOT, "schema/examples")).filter((f) => f.endsWith(".json"));
  let src = `import type { FilingPackage, WizardConfig, WizardHandle, ProcurementRouteWizardElement } from "../../src/js/wizard";\n`;
  examples.forEach((f, i) => {
    src += `export const example${i}: FilingPackage = ${fs.readFileSync(path.join(ROOT, "schema/examples", f), "utf8")};\n`;
  });
  src += `
declare const handle: WizardHandle;
declare const element: ProcurementRouteWizardElement;
const config: WizardConfig = {
  locale: "zh-CN", profile: "liaocheng", namespace: "portal:user-7",
  prefill: { name: "聊城市教育局", uscc: "11371500004180002J", level: "city" }, locked: ["name", "uscc"],
  thresholds: { many_units: 5 }, theme: { "--prw-color-primary": "#005ea5" }, postMessage: { targetOrigin: "https://portal.example.gov.cn" },
};
const pkg: FilingPackage | null = handle.getPackage();
const rules: string[] = handle.validate().map((f) => f.rule + f.clause["zh-CN"]);
handle.setLocale("en");
element.addEventListener("wizard:submit", (e) => { const ready: boolean = e.detail.ready; void ready; });
export { config, pkg, rules };
`;
  fs.writeFileSync(path.join(dir, "check.ts"), src);
  // A wrong example must fail: the check can fail.
  fs.writeFileSync(path.join(dir, "wrong.ts"), `import type { FilingPackage } from "../../src/js/wizard";\nexport const x: FilingPackage = { ...({} as FilingPackage), route: "B-route" };\n`);
  const tsc = (file) =>
    spawnSync(path.join(ROOT, "node_modules/.bin/tsc"), ["--noEmit", "--strict", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler", "--lib", "es2022,dom", file], { cwd: ROOT, encoding: "utf8" });
  const good = tsc(path.join(dir, "check.ts"));
  expect(good.status, good.stdout + good.stderr).toBe(0);
  const bad = tsc(path.join(dir, "wrong.ts"));
  expect(bad.status).not.toBe(0);
  expect(bad.stdout).toContain("B-route");
  expect(examples.length).toBe(10);
});
