// The release bundle loads in the mock portal, shows the wizard's first
// step, reacts to typing, and reports a wrong USCC with its clause.
import { test, expect } from "@playwright/test";
import { openDemo, watchConsole } from "./helpers.mjs";

test("the demo page shows the wizard's first step in Chinese", async ({ page }) => {
  const console = watchConsole(page);
  await openDemo(page);
  const wizard = page.locator("#wizard");
  await expect(wizard.getByRole("heading", { level: 2 })).toHaveText("采购组织形式备案");
  await expect(wizard.getByRole("button", { name: "开始" })).toBeVisible();
  console.assertClean();
});

test("typing changes state: a wrong USCC is reported on continue, with its clause", async ({ page }) => {
  const console = watchConsole(page);
  await openDemo(page);
  const wizard = page.locator("#wizard");
  await wizard.getByRole("button", { name: "开始" }).click();
  await wizard.getByLabel("跨级次选择集中采购机构").check();
  await wizard.getByRole("button", { name: "继续" }).click();
  await expect(wizard.getByRole("heading", { level: 2 })).toHaveText("采购单位信息");
  await expect(wizard.getByText("第 2 步，共")).toBeVisible();

  const uscc = wizard.getByLabel("统一社会信用代码");
  await uscc.fill("12317500MB1A2B3CXB");
  await expect(uscc).toHaveValue("12317500MB1A2B3CXB");
  await wizard.getByRole("button", { name: "继续" }).click();

  const summary = wizard.locator(".prw-error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("校验位");
  await expect(summary).toContainText("GB 32100-2015");
  await expect(uscc).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveTitle(/^错误：/);

  // The summary's link moves focus to the field.
  await summary.getByRole("link", { name: /校验位/ }).click();
  await expect(uscc).toBeFocused();
  console.assertClean();
});
