// axe-core inside the page, through the wizard's open shadow root.
import { createRequire } from "node:module";
import { expect } from "@playwright/test";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");

/** Zero axe violations on the page as it is, in zh-CN and in English. */
export async function axeClean(page, where) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ path: AXE });
  }
  for (const locale of ["en", "zh-CN"]) {
    await page.evaluate((l) => window.wizard.setLocale(l), locale);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document.querySelector("#wizard"), { resultTypes: ["violations"] });
      return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
    expect(violations, `${where} (${locale})`).toEqual([]);
  }
}
