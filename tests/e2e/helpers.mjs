// Shared steps of the end-to-end tests.
import { expect } from "@playwright/test";

/** Collect console errors and page errors; assert none at the end. */
export function watchConsole(page) {
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  return {
    assertClean() {
      expect(problems, problems.join("\n")).toEqual([]);
    },
  };
}

/** Open the demo page and wait for the wizard's first step. */
export async function openDemo(page, query = "") {
  await page.goto(`/dist/index.html${query}`);
  await expect(page.locator("#wizard h2.prw-heading")).toBeVisible();
}
