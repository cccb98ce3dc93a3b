// Unit lists from spreadsheets, as purchasers bring them: rows pasted from
// Excel/WPS (with or without a header, zh or en, into the paste box or
// straight into a row's field), CSV files in UTF-8 and GBK, the preview
// with its findings, adding only the rows without errors, undo, the limits,
// lists the portal pre-fills — and the time it takes for 300 rows.
import { test, expect } from "@playwright/test";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { watchConsole } from "./helpers.mjs";
import { uscc } from "./routes.mjs";
import { tabTo } from "./keyboard.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const EXAMPLE = JSON.parse(fs.readFileSync(path.join(ROOT, "schema/examples/J-voluntary.liaocheng.json"), "utf8"));
const heading = (loc) => loc.locator("h2.prw-heading");
const rows = (w) => w.locator("fieldset.prw-row");

/** The J-voluntary example as a stored draft at its purchasers page. */
function draft(id) {
  return {
    draft_version: 2, id, name: "粘贴测试", profile: "liaocheng", step: "participants", revision: 1,
    created_at: "2026-11-01T08:00:00Z", saved_at: "2026-11-01T08:00:00Z", filing: structuredClone(EXAMPLE.filing),
  };
}

/** A Liaocheng wizard in namespace `ns` beside the example page's own,
 *  with `stored` (a draft) on this computer if given. */
async function mountIn(page, ns, config = {}, stored = null) {
  await page.goto("/examples/plain-script.html");
  await expect(page.locator("#log")).toContainText("wizard:ready");
  await page.evaluate(([ns, d, config]) => {
    if (d) localStorage.setItem(`prw:${ns}:draft:${d.id}`, JSON.stringify(d));
    const el = document.createElement("div");
    el.id = ns;
    document.body.append(el);
    window.handle = window.embedApi.mount(el, { namespace: ns, profile: "liaocheng", ...config });
  }, [ns, stored, config]);
  return page.locator(`#${ns}`);
}

/** A wizard on the purchasers page of a 3-row joint list. */
async function onList(page, ns, config = {}) {
  const w = await mountIn(page, ns, config, draft(`${ns}-1`));
  await w.getByRole("button", { name: /^继续 粘贴测试/ }).click();
  await expect(heading(w)).toHaveText("参与联合采购的采购人");
  await expect(rows(w)).toHaveCount(3);
  return w;
}

async function stored(page, ns) {
  return page.evaluate((ns) => JSON.parse(localStorage.getItem(`prw:${ns}:draft:${ns}-1`)).filing.joint.participants, ns);
}

function tsv(lines) {
  return lines.map((l) => l.join("\t")).join("\r\n") + "\r\n";
}

test("paste with a Chinese header: the preview names each row's errors; add only the valid rows; undo in one step", async ({ page }) => {
  const console = watchConsole(page);
  const w = await onList(page, "zh");
  const good = uscc(7001);
  const wrong = uscc(7002).slice(0, 17) + (uscc(7002).endsWith("0") ? "1" : "0");
  const existing = EXAMPLE.filing.joint.participants[0].uscc;
  await w.getByRole("button", { name: "粘贴表格" }).click();
  await w.getByLabel(/粘贴到这里/).fill(tsv([
    ["单位名称", "统一社会信用代码", "行政级别", "金额（元）"],
    ["聊城七中", good, "市级", "１２，０００．００"],
    ["校验位错", wrong, "市级", "100"],
    ["与已有重复", existing, "市级", "100"],
    ["级别不明", uscc(7004), "乡镇", "100"],
  ]));
  await w.getByRole("button", { name: "预览", exact: true }).click();
  const preview = w.locator("section.prw-bulk__preview");
  await expect(preview.getByRole("heading")).toHaveText("预览：将添加 4 行，其中 3 行有错误");
  await expect(preview.getByRole("heading")).toBeFocused();
  const bodyRows = preview.locator("tbody tr");
  await expect(bodyRows).toHaveCount(4);
  await expect(bodyRows.nth(0)).toContainText("无");
  await expect(bodyRows.nth(0)).toContainText("市级");
  await expect(bodyRows.nth(1)).toContainText("校验");
  await expect(bodyRows.nth(2)).toContainText("重复");
  await expect(bodyRows.nth(3)).toContainText("“乡镇”不是行政级别");
  await preview.getByRole("button", { name: "仅添加无错误的行（1 行）" }).click();
  await expect(rows(w)).toHaveCount(4);
  await expect(rows(w).nth(3).getByLabel("单位名称")).toHaveValue("聊城七中");
  await expect(rows(w).nth(3).getByLabel(/份额/)).toHaveValue("１２，０００．００");
  await expect.poll(async () => (await stored(page, "zh")).length).toBe(4);
  const undo = w.getByRole("button", { name: "撤销粘贴" });
  await expect(undo).toBeFocused();
  await undo.click();
  await expect(rows(w)).toHaveCount(3);
  await expect(undo).toBeHidden();
  await expect.poll(async () => (await stored(page, "zh")).length).toBe(3);
  console.assertClean();
});

test("paste straight into a row's field, English header, English page: add all", async ({ page }) => {
  const console = watchConsole(page);
  const w = await onList(page, "en");
  await page.evaluate(() => window.handle.setLocale("en"));
  const text = tsv([["Name", "USCC", "Level", "Amount"], ["School 8", uscc(8001), "county", "1,000"], ["School 9", uscc(8002), "province", "2,000"]]);
  await rows(w).first().getByLabel("Unit name").evaluate((input, text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
  }, text);
  const preview = w.locator("section.prw-bulk__preview");
  await expect(preview.getByRole("heading")).toHaveText("Preview: 2 rows to add, 0 with errors");
  // The first field keeps what it held: the paste went to the list.
  await expect(rows(w).first().getByLabel("Unit name")).toHaveValue(EXAMPLE.filing.joint.participants[0].name);
  await preview.getByRole("button", { name: "Add all 2 rows" }).click();
  await expect(rows(w)).toHaveCount(5);
  await expect(rows(w).nth(4).getByLabel("Unit name")).toHaveValue("School 9");
  console.assertClean();
});

test("a paste without a header is read in the documented column order", async ({ page }) => {
  const w = await onList(page, "bare");
  await w.getByRole("button", { name: "粘贴表格" }).click();
  await expect(w.locator(".prw-bulk .prw-hint")).toContainText("单位名称 · 统一社会信用代码 · 行政级别 · 预算来源");
  await w.getByLabel(/粘贴到这里/).fill(tsv([["聊城十中", uscc(9001), "市级", "市级财政拨款", "聊采计〔2026〕0010号", "2026-03-02", "300"]]));
  await w.getByRole("button", { name: "预览", exact: true }).click();
  await w.getByRole("button", { name: "全部添加（1 行）" }).click();
  const added = rows(w).nth(3);
  await expect(added.getByLabel("预算来源")).toHaveValue("市级财政拨款");
  await expect(added.getByLabel(/采购计划备案编号/)).toHaveValue("聊采计〔2026〕0010号");
});

test("CSV files in UTF-8 (with BOM) and GBK are read alike; an unreadable one is refused, never garbled", async ({ page }) => {
  const w = await onList(page, "csv");
  const text = `单位名称,统一社会信用代码,行政级别,金额\r\n聊城十一中,${uscc(9101)},县级,"1,500"\r\n`;
  const gbk = spawnSync("python3", ["-c", "import sys; sys.stdout.buffer.write(sys.stdin.read().encode('gb18030'))"], { input: text }).stdout;
  expect(gbk.length).toBeGreaterThan(0);
  expect(gbk.equals(Buffer.from(text))).toBe(false);
  const input = w.locator('input[type="file"][accept=".csv,text/csv"]');
  for (const [name, buffer] of [["utf8.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])], ["gbk.csv", gbk]]) {
    await input.setInputFiles({ name, mimeType: "text/csv", buffer });
    const preview = w.locator("section.prw-bulk__preview");
    await expect(preview.getByRole("heading")).toHaveText("预览：将添加 1 行，其中 0 行有错误");
    await expect(preview.locator("tbody")).toContainText("聊城十一中");
    await expect(preview.locator("tbody")).toContainText("1,500");
    await preview.getByRole("button", { name: "取消" }).click();
  }
  await input.setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from([0xff, 0xfe, 0xff, 0x81, 0x30]) });
  const alert = w.locator(".prw-bulk [role=alert]");
  await expect(alert).toContainText("无法识别文件的编码");
  await expect(alert).toBeFocused();
});

test("limits: 1,001 rows or an unknown column are refused with a clear message, and nothing is added", async ({ page }) => {
  const w = await onList(page, "limits");
  await w.getByRole("button", { name: "粘贴表格" }).click();
  const box = w.getByLabel(/粘贴到这里/);
  await box.fill(Array.from({ length: 1001 }, (_, i) => `单位${i}`).join("\n"));
  await w.getByRole("button", { name: "预览", exact: true }).click();
  const alert = w.locator(".prw-bulk [role=alert]");
  await expect(alert).toHaveText("共 1001 行，一次最多 1000 行；请分批添加，本次未添加任何行");
  await expect(alert).toBeFocused();
  await box.fill("单位名称\t颜色\n一中\t红\n");
  await w.getByRole("button", { name: "预览", exact: true }).click();
  await expect(alert).toContainText("“颜色”不是本列表的列");
  await expect(rows(w)).toHaveCount(3);
});

test("export and template: CSV with a BOM and the list's header, read back the same", async ({ page }) => {
  const w = await onList(page, "export");
  const [file] = await Promise.all([page.waitForEvent("download"), w.getByRole("button", { name: "导出 CSV" }).click()]);
  const csv = fs.readFileSync(await file.path(), "utf8");
  expect(csv.startsWith("\ufeff单位名称,统一社会信用代码,行政级别,预算来源")).toBe(true);
  expect(csv.trim().split("\r\n")).toHaveLength(4);
  const [tpl] = await Promise.all([page.waitForEvent("download"), w.getByRole("button", { name: "下载模板" }).click()]);
  expect(fs.readFileSync(await tpl.path(), "utf8").trim().split("\r\n")).toHaveLength(1);
  // The exported file imports as three duplicates of the list's own rows.
  await w.locator('input[type="file"][accept=".csv,text/csv"]').setInputFiles({ name: "back.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(w.locator("section.prw-bulk__preview").getByRole("heading")).toHaveText("预览：将添加 3 行，其中 3 行有错误");
});

test("lists the portal pre-fills start the new filing", async ({ page }) => {
  const w = await mountIn(page, "pre", {
    prefill: { name: "聊城市教育局", participants: [{ name: "聊城一中", level: "city" }, { name: "聊城二中" }] },
  });
  await w.getByRole("button", { name: "开始", exact: true }).click();
  await w.getByLabel("自主联合采购").check();
  await w.getByRole("button", { name: "继续", exact: true }).click();
  await expect(w.getByLabel("单位名称", { exact: true })).toHaveValue("聊城市教育局");
  const pkg = await page.evaluate(() => window.handle.getPackage());
  expect(pkg.filing.joint.participants.map((p) => [p.id, p.name, p.level ?? null])).toEqual([[1, "聊城一中", "city"], [2, "聊城二中", null]]);
  // A list that is not this route's is emptied in the package, kept in the filing.
  expect(pkg.filing.department.units).toEqual([]);
  // A bad list is refused at mount, naming the field.
  const error = await page.evaluate(() => {
    try {
      window.embedApi.mount(document.createElement("div"), { namespace: "bad", prefill: { units: [{ nmae: "x" }] } });
      return "mounted";
    } catch (e) {
      return e.message;
    }
  });
  expect(error).toContain("prefill.units[0].nmae");
});

test("bench: paste 300 rows — preview, apply, then typing in row 250", async ({ page }) => {
  test.setTimeout(180_000);
  const w = await onList(page, "bench");
  const lines = [["单位名称", "统一社会信用代码", "行政级别", "金额"]];
  for (let i = 0; i < 300; i++) lines.push([`学校${i}`, uscc(20000 + i), "市级", "1,000.00"]);
  // Five rounds (paste, preview, add all, undo): one run on a shared
  // machine varies by a quarter; the median does not.
  const previews = [];
  const applies = [];
  for (let round = 0; round < 5; round++) {
    if (round > 0) {
      await w.getByRole("button", { name: "撤销粘贴" }).click();
      await expect(rows(w)).toHaveCount(3);
    }
    await w.getByRole("button", { name: "粘贴表格" }).click();
    await w.getByLabel(/粘贴到这里/).fill(tsv(lines));
    previews.push(await page.evaluate(async () => {
      const root = document.getElementById("bench").shadowRoot;
      const button = [...root.querySelectorAll("button")].find((b) => b.textContent.trim() === "预览");
      const t0 = performance.now();
      button.click();
      while (!root.querySelector("section.prw-bulk__preview")) await new Promise((r) => setTimeout(r, 0));
      return performance.now() - t0;
    }));
    applies.push(await page.evaluate(async () => {
      const root = document.getElementById("bench").shadowRoot;
      const button = [...root.querySelectorAll("button")].find((b) => b.textContent.trim().startsWith("全部添加"));
      const t0 = performance.now();
      button.click();
      while (root.querySelectorAll("fieldset.prw-row").length < 303) await new Promise((r) => setTimeout(r, 0));
      return performance.now() - t0;
    }));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const previewMs = `median ${median(previews).toFixed(0)} ms (max ${Math.max(...previews).toFixed(0)})`;
  const applyMs = `median ${median(applies).toFixed(0)} ms (max ${Math.max(...applies).toFixed(0)})`;
  const typeMs = await page.evaluate(async () => {
    const root = document.getElementById("bench").shadowRoot;
    const row = root.querySelectorAll("fieldset.prw-row")[249];
    const input = row.querySelector("input");
    const legend = row.querySelector("legend");
    const times = [];
    const sync = [];
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const t0 = performance.now();
      input.value = `改名${i}`;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      sync.push(performance.now() - t0);
      while (!legend.textContent.includes(`改名${i}`)) await Promise.resolve().then(() => new Promise((r) => queueMicrotask(r)));
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    sync.sort((a, b) => a - b);
    return `${times[10].toFixed(1)} ms (input handler ${sync[10].toFixed(1)} ms)`;
  });
  console.log(`bench bulk: 300 rows, 5 rounds — preview shown ${previewMs}, applied and rendered ${applyMs}, typing in row 250 median ${typeMs} to the DOM`);
  await expect(rows(w)).toHaveCount(303);
});

test("agency directory: a named centre fills and locks itself; 'not this one?' goes back to typing; the region's agencies are suggested", async ({ page }) => {
  const console = watchConsole(page);
  const draftA = {
    draft_version: 2, id: "ag-1", name: "机构测试", profile: "liaocheng", step: "agency_case", revision: 1,
    created_at: "2026-11-01T08:00:00Z", saved_at: "2026-11-01T08:00:00Z",
    filing: { ...structuredClone(EXAMPLE.filing), route: "A", joint: {}, agency: {} },
  };
  const w = await mountIn(page, "ag", { agencies: [{ name: "聊城市公共资源交易中心", level: "city", region: "3715" }] }, draftA);
  await w.getByRole("button", { name: /^继续 机构测试/ }).click();
  await expect(heading(w)).toHaveText("选择的集中采购机构");
  await w.getByLabel("山东省政府采购中心").check();
  const name = w.getByLabel(/^集中采购机构名称/);
  await expect(name).toHaveValue("山东省政府采购中心");
  await expect(name).toHaveAttribute("readonly", "");
  await expect(w.getByRole("radio", { name: "省级" })).toBeChecked();
  await expect(w.getByRole("radio", { name: "省级" })).toBeDisabled();
  await expect(w.locator(".prw-inset")).toContainText("机构名录中的机构：山东省政府采购中心（省级）");
  // Switching centre refills.
  await w.getByLabel("济南市政府采购中心").check();
  await expect(name).toHaveValue("济南市政府采购中心");
  await w.getByRole("button", { name: /不是这个机构/ }).click();
  await expect(w.getByLabel("其他集中采购机构")).toBeChecked();
  await expect(name).toHaveValue("");
  await expect(name).not.toHaveAttribute("readonly", "");
  await expect(name).toBeFocused();
  // The purchaser's region (3715, from its code) gets the host's entry.
  await w.getByRole("button", { name: "使用 聊城市公共资源交易中心（市级）" }).click();
  await expect(name).toHaveValue("聊城市公共资源交易中心");
  await expect(w.getByRole("radio", { name: "市级" })).toBeChecked();
  const pkg = await page.evaluate(() => window.handle.getPackage());
  expect(pkg.filing.agency.agency.name).toBe("聊城市公共资源交易中心");
  expect(pkg.findings.some((f) => f.rule === "A8")).toBe(false);
  console.assertClean();
});

test("a paste by keyboard alone: open the box, paste, preview, add, undo", async ({ page }) => {
  const w = await onList(page, "kbd");
  await tabTo(page, (f) => f.tag === "button" && f.text === "粘贴表格", "the paste button");
  await page.keyboard.press("Enter");
  await expect(w.getByLabel(/粘贴到这里/)).toBeFocused();
  await page.keyboard.insertText(tsv([["单位名称", "金额"], ["键盘一中", "100"]]));
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  const title = w.locator("section.prw-bulk__preview h4");
  await expect(title).toBeFocused();
  await tabTo(page, (f) => f.tag === "button" && f.text.startsWith("全部添加"), "add all");
  await page.keyboard.press("Enter");
  await expect(rows(w)).toHaveCount(4);
  await expect(w.getByRole("button", { name: "撤销粘贴" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(rows(w)).toHaveCount(3);
});
