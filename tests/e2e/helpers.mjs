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

/** Carry out one scripted answer (see routes.mjs) with the mouse. */
export async function actMouse(page, [kind, a, b, row]) {
  const w = page.locator("#wizard");
  const scope = row ? w.locator("fieldset.prw-row").nth(row - 1) : w;
  if (kind === "fill") await scope.getByLabel(a, { exact: true }).fill(b);
  else if (kind === "choose")
    await scope.locator("fieldset.prw-fieldset").filter({ has: page.locator("legend", { hasText: a }) }).getByLabel(b, { exact: true }).check();
  else if (kind === "tick") await w.getByLabel(a, { exact: true }).check();
  else if (kind === "press") await w.getByRole("button", { name: a }).click();
}

/** Answer every page of a scripted route with the mouse, up to check answers. */
export async function completeRoute(page, pages) {
  const w = page.locator("#wizard");
  await w.getByRole("button", { name: "开始" }).click();
  for (const [heading, actions] of pages) {
    await expect(w.locator("h2.prw-heading")).toHaveText(heading);
    for (const a of actions) await actMouse(page, a);
    await w.getByRole("button", { name: "继续", exact: true }).click();
  }
  await expect(w.locator("h2.prw-heading")).toHaveText("提交前核对您的填写");
}

/** Start a filing on `route` and answer the purchaser page (mouse). */
export async function startWithPurchaser(page, route, uscc = "11371500004180002J") {
  const w = page.locator("#wizard");
  const next = () => w.getByRole("button", { name: "继续", exact: true }).click();
  await w.getByRole("button", { name: "开始", exact: true }).click();
  await w.getByLabel(route).check();
  await next();
  await w.getByLabel("统一社会信用代码").fill(uscc);
  await w.getByLabel("联系人", { exact: true }).fill("张三");
  await w.getByLabel("联系电话").fill("13812345678");
  await next();
  await expect(w.locator("h2.prw-heading")).toHaveText("采购项目信息");
}
