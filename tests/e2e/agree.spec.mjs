// What a purchaser sees agrees with itself: a rule spanning two pages shows
// on the later one and on check answers, the drafts list tells the truth,
// joint lists keep a running total, and the English words read right.
import { test, expect } from "@playwright/test";
import { openDemo, watchConsole, actMouse } from "./helpers.mjs";
import { script } from "./routes.mjs";

const PREFIX = "prw:default:draft:";
const w = (page) => page.locator("#wizard");
const heading = (page) => w(page).locator("h2.prw-heading");
const next = (page) => w(page).getByRole("button", { name: /^(继续|Continue)$/ }).click();

/** The stored drafts of the demo's namespace, parsed. */
async function drafts(page) {
  return page.evaluate((prefix) => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith(prefix)) out[k] = JSON.parse(localStorage.getItem(k));
    }
    return out;
  }, PREFIX);
}

/** Route A under liaocheng with the confirmation dated after the plan. */
function lateConfirmation() {
  return script("A", "liaocheng").map(([h, actions]) => [
    h,
    actions.map((a) =>
      a[1] === "确认日期" ? ["fill", "确认日期", "2026-11-20"] : a[1] === "采购计划备案日期" ? ["fill", "采购计划备案日期", "2026-11-05"] : a,
    ),
  ]);
}

for (const lang of ["zh", "en"]) {
  test(`A5 spans two pages: shown on the later page and on check answers, linked to its field (${lang})`, async ({ page }) => {
    const watch = watchConsole(page);
    await openDemo(page, "?profile=liaocheng");
    await w(page).getByRole("button", { name: "开始" }).click();
    const pages = lateConfirmation();
    const plan = pages.findIndex(([h]) => h === "采购计划备案");
    for (const [h, actions] of pages.slice(0, plan + 1)) {
      await expect(heading(page)).toHaveText(h);
      for (const a of actions) await actMouse(page, a);
      if (h !== "采购计划备案") await next(page);
    }
    if (lang === "en") await w(page).getByRole("button", { name: "English" }).click();
    await next(page);
    // Still on the plan page: the summary names the earlier page's field.
    const summary = w(page).locator(".prw-error-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText(lang === "zh" ? "确认日期 2026-11-20 晚于备案日期 2026-11-05" : "the confirmation date 2026-11-20 is after the filing date 2026-11-05");
    await summary.getByRole("link").first().click();
    await expect(w(page).getByLabel(lang === "zh" ? "确认日期" : "Date of confirmation", { exact: true })).toBeFocused();
    // The rest of the script speaks Chinese.
    if (lang === "en") await w(page).getByRole("button", { name: "中文" }).click();

    // Check answers lists every outstanding error with a working link: put
    // the bad date back into the stored draft, as an import or another tab
    // would, and resume on the check page.
    await w(page).getByLabel("确认日期", { exact: true }).fill("2026-11-01");
    await next(page);
    await next(page);
    for (const a of pages[plan + 1][1]) await actMouse(page, a);
    await next(page);
    await expect(w(page).locator(".prw-error-summary")).toHaveCount(0);
    await expect.poll(async () => Object.values(await drafts(page)).some((d) => d.step === "check")).toBe(true);
    await page.evaluate((prefix) => {
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (!k.startsWith(prefix)) continue;
        const d = JSON.parse(localStorage.getItem(k));
        d.filing.agency.confirmation.date = "2026-11-20";
        d.revision += 1;
        localStorage.setItem(k, JSON.stringify(d));
      }
    }, PREFIX);
    await page.reload();
    if (lang === "en") await w(page).getByRole("button", { name: "English" }).click();
    const outstanding = w(page).locator(".prw-panel--errors");
    await expect(outstanding).toContainText(lang === "zh" ? "确认日期 2026-11-20 晚于备案日期 2026-11-05" : "the confirmation date 2026-11-20 is after the filing date 2026-11-05");
    await outstanding.getByRole("link").first().click();
    await expect(w(page).getByLabel(lang === "zh" ? "确认日期" : "Date of confirmation", { exact: true })).toBeFocused();
    watch.assertClean();
  });

  test(`the drafts list tells the truth: the open draft, no empty duplicate, a useful name, the resume step (${lang})`, async ({ page }) => {
    const watch = watchConsole(page);
    await openDemo(page, "?profile=liaocheng");
    if (lang === "en") await w(page).getByRole("button", { name: "English" }).click();
    await w(page).getByRole("button", { name: lang === "zh" ? "开始" : "Start now", exact: true }).click();
    await w(page).getByLabel(lang === "zh" ? "跨级次选择集中采购机构" : "A centralized agency across levels", { exact: true }).check();
    await next(page);
    await expect.poll(async () => Object.keys(await drafts(page)).length).toBe(1);
    // Back to the start page: the open draft is listed, saved.
    await w(page).getByRole("button", { name: lang === "zh" ? "返回" : "Back" }).click();
    await w(page).getByRole("button", { name: lang === "zh" ? "返回" : "Back" }).click();
    const rows = w(page).locator(".prw-drafts__table tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(w(page)).not.toContainText(lang === "zh" ? "还没有草稿" : "No drafts yet");
    // Named by route and day; the step shown is the page 继续 resumes at,
    // never the start page.
    const row = rows.first();
    await expect(row).toContainText(lang === "zh" ? "跨级次选择集中采购机构 · 20" : "A centralized agency across levels · 20");
    const step = (await row.locator("td").nth(1).textContent()).trim();
    expect(step).not.toBe(lang === "zh" ? "采购组织形式备案" : "File your procurement route");
    await row.getByRole("button", { name: lang === "zh" ? "继续" : "Resume" }).click();
    await expect(heading(page)).toHaveText(step);
    await w(page).getByRole("button", { name: lang === "zh" ? "返回" : "Back" }).click();
    if (step !== (lang === "zh" ? "选择采购组织形式" : "How is the procurement organised?"))
      await w(page).getByRole("button", { name: lang === "zh" ? "返回" : "Back" }).click();
    await expect(rows).toHaveCount(1);
    // A new filing and a reload leave no empty second row.
    await w(page).getByRole("button", { name: lang === "zh" ? "开始新的备案" : "Start a new filing" }).click();
    await page.reload();
    if (lang === "en") await w(page).getByRole("button", { name: "English" }).click();
    await expect(rows).toHaveCount(1);
    expect(Object.keys(await drafts(page)).length).toBe(1);
    watch.assertClean();
  });
}

test("a joint list keeps a running total against the budget, announced politely, within a frame at 300 rows", async ({ page }) => {
  test.setTimeout(120_000);
  const watch = watchConsole(page);
  await openDemo(page, "?profile=liaocheng");
  await w(page).getByRole("button", { name: "开始" }).click();
  const pages = script("J-voluntary", "liaocheng");
  for (const [h, actions] of pages.slice(0, 3)) {
    await expect(heading(page)).toHaveText(h);
    for (const a of actions) await actMouse(page, a);
    await next(page);
  }
  await expect(heading(page)).toHaveText("参与联合采购的采购人");
  await expect.poll(async () => Object.values(await drafts(page)).some((d) => d.step === "participants")).toBe(true);
  // 300 purchasers of 4,000.00 each: the budget of 1,200,000.00 exactly.
  await page.evaluate((prefix) => {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (!k.startsWith(prefix)) continue;
      const d = JSON.parse(localStorage.getItem(k));
      d.filing.joint.participants = Array.from({ length: 300 }, (_, n) => ({ id: n + 1, name: `单位${n + 1}`, amount: "4,000.00" }));
      d.revision += 1;
      localStorage.setItem(k, JSON.stringify(d));
    }
  }, PREFIX);
  await page.reload();
  await expect(w(page).locator("fieldset.prw-row")).toHaveCount(300);
  const total = w(page).locator(".prw-total");
  await expect(total).toHaveText("份额合计 1,200,000.00 元，与预算相等");
  // One keystroke in the first row: the total follows within a frame.
  const ms = await page.evaluate(async () => {
    const root = document.querySelector("#wizard").shadowRoot;
    const input = root.querySelectorAll("fieldset.prw-row")[0].querySelector("input[inputmode=decimal]");
    const t0 = performance.now();
    input.value = "4,100.00";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => r()));
    const text = root.querySelector(".prw-total").textContent;
    return { ms: performance.now() - t0, text };
  });
  console.log(`running total at 300 rows: keystroke to next frame ${ms.ms.toFixed(1)} ms`);
  expect(ms.text).toBe("份额合计 1,200,100.00 元，比预算多 100.00 元");
  expect(ms.ms).toBeLessThan(100);
  // Told to screen readers once typing stops, in the polite live region.
  await expect(w(page).locator("[role=status]")).toHaveText("份额合计 1,200,100.00 元，比预算多 100.00 元", { timeout: 3000 });
  await w(page).getByRole("button", { name: "English" }).click();
  await expect(total).toHaveText("Shares total 1,200,100.00 yuan, 100.00 yuan over the budget");
  watch.assertClean();
});

test("English words: the notice by its name, three ways grouped, capitalised levels, half-width brackets, China time", async ({ page }) => {
  const watch = watchConsole(page);
  await openDemo(page, "?profile=liaocheng");
  await w(page).getByRole("button", { name: "English" }).click();
  await expect(w(page)).toContainText("鲁财采〔2020〕40号");
  await expect(w(page)).not.toContainText("Notice SD-2020-40");
  await w(page).getByRole("button", { name: "Start now", exact: true }).click();
  await expect(w(page).locator(".prw-lede")).toContainText("鲁财采〔2020〕40号 (Shandong's 2020 notice");
  const groups = w(page).locator(".prw-radio-group__title");
  // Two ways come in two forms each, grouped; the agency way is one option.
  await expect(groups).toHaveText(["Department centralized procurement", "Joint procurement"]);
  await expect(w(page).getByRole("radio")).toHaveCount(5);
  // No route chosen: a plain error, no "filing data rule" note.
  await next(page);
  await expect(w(page).locator(".prw-error-summary")).toContainText("Choose");
  await expect(w(page).locator(".prw-error-summary")).not.toContainText("filing data rule");
  await w(page).getByLabel("Voluntary joint procurement", { exact: true }).check();
  await next(page);
  await expect(w(page).getByLabel("City", { exact: true })).toBeVisible();
  await expect(w(page).getByLabel("Provincial", { exact: true })).toBeVisible();
  await w(page).getByLabel("Unified social credit code", { exact: true }).fill("11371500004180002K");
  await next(page);
  const summary = w(page).locator(".prw-error-summary");
  await expect(summary).toContainText("(GB 32100-2015)");
  await expect(summary).not.toContainText("（");
  await expect(w(page).locator(".prw-save")).toContainText(/Saved at \d\d:\d\d \(China time\)/);
  watch.assertClean();
});
