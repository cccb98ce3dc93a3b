// Offline drafts in real Chromium: nothing typed is lost across reloads,
// closed tabs, corrupted or old entries, full or blocked storage, two tabs.
import { test, expect } from "@playwright/test";
import fs from "node:fs";
import { openDemo, watchConsole, startWithPurchaser } from "./helpers.mjs";

const PREFIX = "prw:default:draft:";
const w = (page) => page.locator("#wizard");
const heading = (page) => w(page).locator("h2.prw-heading");
const next = (page) => w(page).getByRole("button", { name: "继续", exact: true }).click();

/** All stored drafts of the demo's namespace, parsed where possible. */
async function stored(page) {
  return page.evaluate((prefix) => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith(prefix)) out[k] = localStorage.getItem(k);
    }
    return out;
  }, PREFIX);
}

async function savedContaining(page, text) {
  await expect
    .poll(async () => Object.values(await stored(page)).some((v) => v.includes(text)), { timeout: 5000 })
    .toBe(true);
}

/** Start a J-voluntary filing and reach the project page with answers. */
async function startFiling(page, projectName = "物业管理服务") {
  await startWithPurchaser(page, "自主联合采购");
  await w(page).getByLabel("项目名称").fill(projectName);
  await savedContaining(page, projectName);
  await expect(w(page).locator(".prw-save")).toContainText(/已保存 \d\d:\d\d/);
}

test("reload mid-step resumes at the same step with every answer", async ({ page }) => {
  const console = watchConsole(page);
  await openDemo(page);
  await startFiling(page);
  await page.reload();
  await expect(heading(page)).toHaveText("采购项目信息");
  await expect(w(page).getByLabel("项目名称")).toHaveValue("物业管理服务");
  await w(page).getByRole("button", { name: "返回" }).click();
  await expect(w(page).getByLabel("统一社会信用代码")).toHaveValue("11371500004180002J");
  await expect(w(page).getByLabel("联系电话")).toHaveValue("13812345678");
  console.assertClean();
});

test("close and reopen: the drafts list resumes where the purchaser left", async ({ context }) => {
  const first = await context.newPage();
  await openDemo(first);
  await startFiling(first, "教室空调采购");
  await first.close();

  const again = await context.newPage();
  await openDemo(again);
  const list = w(again).locator(".prw-drafts__table");
  await expect(list).toContainText("教室空调采购");
  await expect(list).toContainText("自主联合采购");
  await expect(list).toContainText("采购项目信息");
  await expect(list).toContainText("待完善");
  await expect(w(again)).toContainText("草稿只保存在这台电脑的浏览器中");
  await list.getByRole("button", { name: /^继续 .*教室空调采购/ }).click();
  await expect(heading(again)).toHaveText("采购项目信息");
  await expect(w(again).getByLabel("项目名称")).toHaveValue("教室空调采购");
});

test("rename and delete with confirmation; clear all drafts", async ({ page }) => {
  await openDemo(page);
  await startFiling(page, "甲项目");
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  const list = w(page).locator(".prw-drafts__table");
  await list.getByRole("button", { name: "重命名" }).click();
  await w(page).getByLabel("新名称").fill("乙草稿");
  await w(page).getByRole("button", { name: "保存名称" }).click();
  await expect(list).toContainText("乙草稿");
  await list.getByRole("button", { name: "删除" }).click();
  await expect(w(page).getByRole("alertdialog")).toContainText("确定删除这份草稿？");
  await w(page).getByRole("button", { name: "取消" }).click();
  await expect(list).toContainText("乙草稿");
  await w(page).getByRole("button", { name: "清除本机所有草稿" }).click();
  await w(page).getByRole("button", { name: "确定" }).click();
  await expect(w(page)).toContainText("还没有草稿");
  expect(await stored(page)).toEqual({});
});

test("a corrupted entry is quarantined: listed as unreadable, its raw text downloadable, never dropped", async ({ page }) => {
  await openDemo(page);
  const garbage = '{"draft_version":2,"id":"broken-1","name":"半截';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`${PREFIX}broken-1`, garbage]);
  await page.reload();
  const row = w(page).locator("tr.prw-unreadable");
  await expect(row).toContainText("无法读取的草稿");
  // A stored entry is said to be damaged, not "not a draft file".
  await expect(row).toContainText("本机保存的这份草稿已损坏，无法读取");
  await expect(row).not.toContainText("这不是本向导导出的草稿文件");
  const download = page.waitForEvent("download");
  await row.getByRole("button", { name: "下载原始内容" }).click();
  const file = await (await download).path();
  expect(fs.readFileSync(file, "utf8")).toBe(garbage);
  // Working on another draft never touches it.
  await startFiling(page);
  expect((await stored(page))[`${PREFIX}broken-1`]).toBe(garbage);
});

test("a version-1 draft is migrated and resumes at its step", async ({ page }) => {
  await openDemo(page);
  const v1 = {
    draft_version: 1, id: "v1-draft", name: "旧版草稿", profile: "liaocheng", step_index: 3,
    saved_at: "2026-01-05T09:30:00Z",
    filing: { route: "D-join", purchaser: { name: "聊城市教育局", uscc: "11371500004180002J", level: "city" }, project: { name: "教材采购" } },
  };
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`${PREFIX}v1-draft`, JSON.stringify(v1)]);
  await page.reload();
  const list = w(page).locator(".prw-drafts__table");
  await expect(list).toContainText("旧版草稿");
  await list.getByRole("button", { name: "继续 旧版草稿" }).click();
  await expect(heading(page)).toHaveText("采购项目信息");
  await expect(w(page).getByLabel("项目名称")).toHaveValue("教材采购");
  // The next save writes the current version.
  await w(page).getByLabel("项目名称").fill("教材采购（续）");
  await savedContaining(page, "教材采购（续）");
  expect(JSON.parse((await stored(page))[`${PREFIX}v1-draft`]).draft_version).toBe(2);
});

test("the drafts list shows the newest first, unreadable entries after every draft", async ({ page }) => {
  await openDemo(page);
  const draft = (id, name, saved_at) => JSON.stringify({
    draft_version: 1, id, name, profile: "liaocheng", step_index: 1, saved_at,
    filing: { purchaser: { name: "聊城市教育局", uscc: "11371500004180002J", level: "city" } },
  });
  await page.evaluate((entries) => entries.forEach(([k, v]) => localStorage.setItem(k, v)), [
    [`${PREFIX}broken-a`, "{not json"],
    [`${PREFIX}d-old`, draft("d-old", "最早的草稿", "2026-01-01T08:00:00Z")],
    [`${PREFIX}d-new`, draft("d-new", "最新的草稿", "2026-03-01T08:00:00Z")],
    [`${PREFIX}d-mid`, draft("d-mid", "中间的草稿", "2026-02-01T08:00:00Z")],
  ]);
  await page.reload();
  const rows = w(page).locator(".prw-drafts__table tbody tr");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText("最新的草稿");
  await expect(rows.nth(1)).toContainText("中间的草稿");
  await expect(rows.nth(2)).toContainText("最早的草稿");
  await expect(rows.nth(3)).toContainText("无法读取的草稿");
});

test("storage full: the previous save stays intact, the purchaser is told and offered export", async ({ page }) => {
  await openDemo(page);
  await startFiling(page, "满额测试");
  const before = await stored(page);
  // Fill the origin's storage to the brim.
  await page.evaluate(() => {
    let size = 1 << 20;
    let i = 0;
    while (size >= 16) {
      try {
        localStorage.setItem(`filler-${i++}`, "x".repeat(size));
      } catch {
        size >>= 1;
      }
    }
  });
  await w(page).getByLabel("资金来源").fill("财政拨款".repeat(300));
  const status = w(page).locator(".prw-save");
  await expect(status).toContainText("浏览器存储空间已满");
  await expect(status).toContainText("上次保存的版本仍在");
  await expect(status.getByRole("button", { name: "导出草稿" })).toBeVisible();
  const after = await stored(page);
  expect(after).toEqual(before);
  // Export still works: nothing typed is lost.
  const download = page.waitForEvent("download");
  await status.getByRole("button", { name: "导出草稿" }).click();
  const text = fs.readFileSync(await (await download).path(), "utf8");
  expect(text).toContain("财政拨款财政拨款");
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("filler-")).forEach((k) => localStorage.removeItem(k)));
});

test("storage blocked: the wizard works in memory, says so, and offers export", async ({ page }) => {
  const console = watchConsole(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The document is sandboxed", "SecurityError");
      },
    });
  });
  await openDemo(page);
  await w(page).getByRole("button", { name: "开始", exact: true }).click();
  const status = w(page).locator(".prw-save");
  await expect(status).toContainText("此浏览器不允许保存草稿");
  await w(page).getByLabel("自主联合采购").check();
  await next(page);
  await w(page).getByLabel("联系人", { exact: true }).fill("张三");
  await expect(w(page).getByLabel("联系人", { exact: true })).toHaveValue("张三");
  const download = page.waitForEvent("download");
  await status.getByRole("button", { name: "导出草稿" }).click();
  expect(fs.readFileSync(await (await download).path(), "utf8")).toContain("张三");
  console.assertClean();
});

test("two tabs on one draft: no silent overwrite; the other tab offers reload or a copy", async ({ context }) => {
  const a = await context.newPage();
  await openDemo(a);
  await startFiling(a, "双标签项目");
  const b = await context.newPage();
  await openDemo(b);
  await w(b).locator(".prw-drafts__table").getByRole("button", { name: /^继续 .*双标签项目/ }).click();
  await expect(heading(b)).toHaveText("采购项目信息");
  await w(b).getByLabel("资金来源").fill("B 标签的修改");
  await savedContaining(b, "B 标签的修改");

  // Tab A hears of it and stops autosaving.
  const banner = w(a).locator("[data-status=conflict]");
  await expect(banner).toContainText("另一个标签页");
  await w(a).getByLabel("资金来源").fill("A 标签的修改");
  await a.waitForTimeout(800);
  const values = Object.values(await stored(a)).join("\n");
  expect(values).toContain("B 标签的修改");
  expect(values).not.toContain("A 标签的修改");
  // A keeps its answers as a copy.
  await banner.getByRole("button", { name: "将本页内容另存为副本" }).click();
  await savedContaining(a, "A 标签的修改");
  const all = Object.values(await stored(a)).map((v) => JSON.parse(v));
  expect(all.map((d) => d.filing.project.funding_source).sort()).toEqual(["A 标签的修改", "B 标签的修改"]);
  expect(all.some((d) => d.name.includes("（副本）"))).toBe(true);
});

test("export → clear → import gives back the same draft; imports are checked and never overwrite silently", async ({ page }) => {
  await openDemo(page);
  await startFiling(page, "往返项目");
  const download = page.waitForEvent("download");
  await w(page).locator(".prw-save").getByRole("button", { name: "导出草稿" }).click();
  const file = await (await download).path();
  const exported = JSON.parse(fs.readFileSync(file, "utf8"));
  const storedBefore = JSON.parse(Object.values(await stored(page))[0]);

  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await w(page).getByRole("button", { name: "清除本机所有草稿" }).click();
  await w(page).getByRole("button", { name: "确定" }).click();
  await expect(w(page)).toContainText("还没有草稿");

  const input = w(page).getByLabel("导入草稿文件（JSON）");
  await input.setInputFiles(file);
  await expect(w(page)).toContainText("草稿已导入");
  const storedAfter = JSON.parse(Object.values(await stored(page))[0]);
  expect(storedAfter.filing).toEqual(exported.filing);
  expect(storedAfter.filing).toEqual(storedBefore.filing);
  expect(storedAfter.id).toBe(storedBefore.id);

  // The same file again: the purchaser is asked, and may keep a copy.
  await input.setInputFiles(file);
  await expect(w(page).getByRole("alertdialog")).toContainText("已有同一份草稿");
  await w(page).getByRole("button", { name: "另存为副本" }).click();
  await expect(w(page).locator(".prw-drafts__table tbody tr")).toHaveCount(2);

  // Not a draft: refused with a message, nothing stored.
  await input.setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from('{"schema_version":"1"}') });
  await expect(w(page)).toContainText("这不是本向导导出的草稿文件");
  await expect(w(page).locator(".prw-drafts__table tbody tr")).toHaveCount(2);
});
