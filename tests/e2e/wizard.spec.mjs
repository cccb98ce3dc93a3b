// What a purchaser does around the questions: decision help, errors and
// warnings the GOV.UK way, switching language, changing an answer from the
// check page, hostile text, the print view.
import { test, expect } from "@playwright/test";
import { openDemo, watchConsole, completeRoute, startWithPurchaser } from "./helpers.mjs";
import { script, uscc } from "./routes.mjs";


const w = (page) => page.locator("#wizard");
const heading = (page) => w(page).locator("h2.prw-heading");
const next = (page) => w(page).getByRole("button", { name: "继续", exact: true }).click();

const toProject = (page, route = "自主联合采购") => startWithPurchaser(page, route);

test("decision help asks one question a page and explains the route with its clause", async ({ page }) => {
  const console = watchConsole(page);
  await openDemo(page, "?profile=liaocheng");
  await w(page).getByRole("button", { name: "开始" }).click();
  await w(page).getByRole("button", { name: /回答几个问题/ }).click();
  await expect(heading(page)).toHaveText("帮您选择采购组织形式");
  // Unanswered: an error, like any other.
  await next(page);
  await expect(w(page).locator(".prw-error-summary")).toBeFocused();
  for (const answer of ["服务", "否", "否", "是", "否"]) {
    await w(page).locator("fieldset.prw-fieldset").getByLabel(answer, { exact: true }).check();
    await next(page);
  }
  await expect(heading(page)).toHaveText("建议的采购组织形式");
  const result = w(page).locator(".prw-panel--result");
  await expect(result).toContainText("自主联合采购");
  await expect(result).toContainText("聊财采〔2021〕1号 第三条");
  await w(page).getByRole("button", { name: "选择此形式并继续" }).click();
  await expect(heading(page)).toHaveText("采购单位信息");
  console.assertClean();
});

test("works projects are never led to joint procurement", async ({ page }) => {
  await openDemo(page);
  await w(page).getByRole("button", { name: "开始" }).click();
  await w(page).getByRole("button", { name: /回答几个问题/ }).click();
  for (const answer of ["工程", "否", "否"]) {
    await w(page).locator("fieldset.prw-fieldset").getByLabel(answer, { exact: true }).check();
    await next(page);
  }
  // Straight to the cross-level agency question: no "several purchasers".
  await expect(w(page).locator("legend")).toHaveText(/本级以外的集中采购机构/);
});

test("errors: summary focused with links, inline messages, title prefix, answers kept", async ({ page }) => {
  const console = watchConsole(page);
  await openDemo(page);
  await toProject(page);
  await w(page).getByLabel("预算金额（元）").fill("12.345");
  await next(page);
  const summary = w(page).locator(".prw-error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("heading")).toHaveText("存在以下问题");
  await expect(page).toHaveTitle(/^错误：/);
  const budget = w(page).getByLabel("预算金额（元）");
  await expect(budget).toHaveValue("12.345");
  await expect(budget).toHaveAttribute("aria-invalid", "true");
  const describedBy = await budget.getAttribute("aria-describedby");
  const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
  await expect(w(page).locator(`#${errorId}`)).toContainText("最多保留两位小数");
  await summary.getByRole("link", { name: /项目名称/ }).click();
  await expect(w(page).getByLabel("项目名称")).toBeFocused();
  // Fixed: the errors go, the title loses its prefix, the page moves on.
  await w(page).getByLabel("项目名称").fill("物业管理服务");
  await w(page).getByLabel("服务", { exact: true }).check();
  await w(page).getByLabel("品目编码").fill("C21040000");
  await w(page).getByLabel("是", { exact: true }).check();
  await budget.fill("1200000");
  await w(page).getByLabel("资金来源").fill("财政拨款");
  await w(page).getByLabel("计划采购时间").fill("2026-12-15");
  await next(page);
  await expect(heading(page)).toHaveText("参与联合采购的采购人");
  await expect(page).not.toHaveTitle(/^错误：/);
  await expect(w(page).locator("[role=status]")).toContainText("参与联合采购的采购人");
  console.assertClean();
});

test("switching language keeps every answer, at any moment", async ({ page }) => {
  await openDemo(page);
  await toProject(page);
  await w(page).getByLabel("项目名称").fill("物业管理服务");
  await w(page).getByRole("button", { name: "English" }).click();
  await expect(heading(page)).toHaveText("About the project");
  await expect(w(page).locator(".prw")).toHaveAttribute("lang", "en");
  await expect(w(page).getByLabel("Project name")).toHaveValue("物业管理服务");
  await w(page).getByRole("button", { name: "Continue" }).click();
  await expect(w(page).locator(".prw-error-summary")).toContainText("There is a problem");
  await w(page).getByRole("button", { name: "中文" }).click();
  await expect(w(page).locator(".prw-error-summary")).toContainText("存在以下问题");
  await expect(w(page).getByLabel("项目名称")).toHaveValue("物业管理服务");
});

test("warnings advise and never block; check answers shows them apart, with 大写金额 and 修改 links", async ({ page }) => {
  await openDemo(page, "?profile=liaocheng");
  // An enterprise code (registered in Liaocheng, as the profile needs): a
  // warning (G1), which must not block.
  await startWithPurchaser(page, "参加上级单位组织的部门集中采购", uscc(100, "91", "371500"));
  await w(page).getByLabel("项目名称").fill("教材采购");
  await w(page).getByLabel("货物", { exact: true }).check();
  await w(page).getByLabel("品目编码").fill("A05010000");
  await w(page).getByLabel("是", { exact: true }).check();
  await w(page).getByLabel("预算金额（元）").fill("1234567.89");
  await w(page).getByLabel("资金来源").fill("财政拨款");
  await w(page).getByLabel("计划采购时间").fill("2026-12-15");
  await next(page);
  await w(page).getByLabel("组织单位名称").fill("山东省教育厅");
  await w(page).getByLabel("省级", { exact: true }).check();
  await w(page).getByLabel("组织单位的项目编号").fill("SDGP2026-1");
  await next(page);
  await w(page).getByLabel("本单位采购计划备案编号").fill("聊采计〔2026〕1号");
  await w(page).getByLabel("采购计划备案日期").fill("2026-03-01");
  await w(page).getByLabel("参加日期").fill("2026-03-15");
  await next(page);
  await w(page).getByRole("checkbox").check();
  await next(page);
  await expect(heading(page)).toHaveText("提交前核对您的填写");
  await expect(w(page).locator(".prw-panel--notes")).toContainText("须在本级财政部门备案合同");
  const warnings = w(page).locator(".prw-panel--warning");
  await expect(warnings).toContainText("以 9 开头（企业）");
  await expect(warnings).toContainText("GB 32100-2015");
  await expect(w(page).locator(".prw-panel--errors")).toHaveCount(0);
  await expect(w(page).getByText("壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分")).toBeVisible();
  // 修改 goes to the field and comes back to the check page.
  await w(page).getByRole("link", { name: "修改 项目名称" }).click();
  await expect(w(page).getByLabel("项目名称")).toBeFocused();
  await w(page).getByLabel("项目名称").fill("教材采购（修订）");
  await next(page);
  await expect(heading(page)).toHaveText("提交前核对您的填写");
  await expect(w(page).getByText("教材采购（修订）")).toBeVisible();
  await expect(w(page).getByRole("button", { name: "生成备案包" })).toBeVisible();
});

test("hostile text in fields: control characters and a 1 MB paste are refused as text, never markup", async ({ page }) => {
  const console = watchConsole(page);
  await openDemo(page);
  await toProject(page, "跨级次选择集中采购机构");
  const markup = `<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>`;
  await w(page).getByLabel("项目名称").fill(markup);
  await w(page).getByLabel("资金来源").fill("财政\u0007拨款\u202e");
  // A 1 MB paste, set as a paste would (typing it key by key takes minutes).
  await w(page).getByLabel("计划采购时间").evaluate((el) => {
    el.value = "长".repeat(1_000_000);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await next(page);
  const summary = w(page).locator(".prw-error-summary");
  await expect(summary).toContainText("不可见的控制字符");
  await expect(summary).toContainText("应为日期");
  await expect(w(page).getByLabel("项目名称")).toHaveValue(markup);
  const injected = await page.evaluate(() => {
    const root = document.querySelector("#wizard").shadowRoot;
    return { imgs: root.querySelectorAll("img, script").length, pwned: window.pwned ?? null };
  });
  expect(injected).toEqual({ imgs: 0, pwned: null });

  console.assertClean();
});

test("hostile text stays text on the check page and in print", async ({ page }) => {
  const console = watchConsole(page);
  await openDemo(page, "?profile=liaocheng");
  const markup = `<img src=x onerror="window.pwned=1"><b>粗体</b>`;
  const pages = script("D-join", "liaocheng").map(([h, actions]) => [
    h,
    actions.map((a) => (a[1] === "项目名称" ? ["fill", "项目名称", markup] : a)),
  ]);
  await completeRoute(page, pages);
  await page.emulateMedia({ media: "print" });
  await expect(w(page).getByText(markup)).toBeVisible();
  await expect(w(page).locator(".prw-digest")).toBeVisible();
  await expect(w(page).locator(".prw-digest")).toContainText("sha256:");
  await expect(w(page).getByRole("button", { name: "生成备案包" })).toBeHidden();
  expect(await page.evaluate(() => document.querySelector("#wizard").shadowRoot.querySelectorAll("img, b, script").length)).toBe(0);
  expect(await page.evaluate(() => window.pwned ?? null)).toBe(null);
  console.assertClean();
});

test("no inner_html anywhere in the wizard's source", async () => {
  const { execSync } = await import("node:child_process");
  const hits = execSync("grep -rn 'inner_html\\|set_inner_html\\|innerHTML' src || true", { cwd: new URL("../..", import.meta.url).pathname }).toString();
  expect(hits).toBe("");
});

