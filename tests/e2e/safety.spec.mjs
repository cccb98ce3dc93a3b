// Nothing lost, nothing crashed, whatever the host page does: unmount from
// inside our own events and within the autosave debounce, namespaces that
// cannot see each other, drafts whose row ids or revision are broken, and a
// removed row that must stay removed. Every test fails on any page error: a
// panic in the wasm aborts every instance on the page.
import { test, expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { watchConsole } from "./helpers.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const EXAMPLE = JSON.parse(fs.readFileSync(path.join(ROOT, "schema/examples/J-voluntary.liaocheng.json"), "utf8"));
const heading = (loc) => loc.locator("h2.prw-heading");
const next = (loc) => loc.getByRole("button", { name: "继续", exact: true }).click();

/** A stored v2 draft of the J-voluntary example with `count` rows. */
function draftWith(id, count, change = () => {}) {
  const filing = structuredClone(EXAMPLE.filing);
  const first = filing.joint.participants[0];
  filing.joint.participants = Array.from({ length: count }, (_, i) => ({ ...first, id: i + 1, name: `单位${i + 1}` }));
  const d = {
    draft_version: 2, id, name: "测试草稿", profile: "liaocheng", step: "participants", revision: 1,
    created_at: "2026-11-01T08:00:00Z", saved_at: "2026-11-01T08:00:00Z", filing,
  };
  change(d);
  return d;
}

/** Drafts stored under exactly `namespace`, parsed. */
async function storedDrafts(page, namespace) {
  return page.evaluate((ns) => {
    const prefix = `prw:${ns}:draft:`;
    return Object.keys(localStorage)
      .filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes(":"))
      .map((k) => JSON.parse(localStorage.getItem(k)));
  }, namespace);
}

/** Mount one more instance (plain-script example page) into a new div. */
async function mountExtra(page, id, config) {
  await page.evaluate(
    ([id, config]) => {
      const el = document.createElement("div");
      el.id = id;
      document.body.append(el);
      window.extra = window.extra || {};
      window.extra[id] = window.embedApi.mount(el, config);
    },
    [id, config],
  );
  await expect(heading(page.locator(`#${id}`))).toBeVisible();
}

/** Start a filing in `loc` and answer up to the purchaser page's contact. */
async function typeContact(loc, contact) {
  await loc.getByRole("button", { name: "开始", exact: true }).click();
  await loc.getByLabel("自主联合采购").check();
  await next(loc);
  await loc.getByLabel("联系人", { exact: true }).fill(contact);
}

/** The other instance on the page still answers: the wasm did not abort. */
async function stillWorks(page, id) {
  const loc = page.locator(`#${id}`);
  await loc.getByRole("button", { name: "开始", exact: true }).click();
  await expect(heading(loc)).toHaveText("选择采购组织形式");
}

async function openPlain(page) {
  await page.goto("/examples/plain-script.html");
  await expect(page.locator("#log")).toContainText("wizard:ready");
}

test("removing a row is saved: after a reload it stays removed, and the host hears wizard:change", async ({ page }) => {
  const console = watchConsole(page);
  await openPlain(page);
  await page.evaluate((d) => localStorage.setItem(`prw:rm:draft:${d.id}`, JSON.stringify(d)), draftWith("rm-1", 300));
  await mountExtra(page, "rm", { namespace: "rm", profile: "liaocheng" });
  const w = page.locator("#rm");
  await w.getByRole("button", { name: /^继续 测试草稿/ }).click();
  await expect(heading(w)).toHaveText("参与联合采购的采购人");
  await expect(w.locator("fieldset.prw-row")).toHaveCount(300);
  await page.evaluate(() => {
    window.changes = 0;
    document.getElementById("rm").addEventListener("wizard:change", () => window.changes++);
  });
  await w.locator("fieldset.prw-row").first().getByRole("button", { name: /^删除/ }).click();
  await expect(w.locator("fieldset.prw-row")).toHaveCount(299);
  expect(await page.evaluate(() => window.changes)).toBeGreaterThan(0);
  await expect.poll(async () => (await storedDrafts(page, "rm"))[0].filing.joint.participants.length).toBe(299);
  await page.reload();
  await expect(page.locator("#log")).toContainText("wizard:ready");
  await mountExtra(page, "rm", { namespace: "rm", profile: "liaocheng" });
  // A reload in the same tab resumes the same draft at the same page.
  await expect(heading(w)).toHaveText("参与联合采购的采购人");
  await expect(w.locator("fieldset.prw-row")).toHaveCount(299);
  await expect(w.locator("fieldset.prw-row legend").first()).toContainText("单位2");
  console.assertClean();
});

test("edit, then unmount() within the autosave debounce: no crash, the edit is saved, another instance still works", async ({ page }) => {
  const console = watchConsole(page);
  await openPlain(page);
  await mountExtra(page, "other", { namespace: "other", locale: "zh-CN" });
  await mountExtra(page, "quick", { namespace: "quick" });
  await typeContact(page.locator("#quick"), "刚刚输入");
  // Well inside the 300 ms debounce.
  await page.evaluate(() => window.extra.quick.unmount());
  await page.waitForTimeout(600);
  const saved = await storedDrafts(page, "quick");
  expect(saved.map((d) => d.filing.purchaser.contact_name)).toEqual(["刚刚输入"]);
  await stillWorks(page, "other");
  console.assertClean();
});

test("the custom element remounts on an attribute change right after an edit: no crash, the edit is saved", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/examples/custom-element.html");
  const el = page.locator("procurement-route-wizard");
  await expect(heading(el)).toHaveText("采购组织形式备案");
  await typeContact(el, "改属性前");
  await page.evaluate(() => document.querySelector("procurement-route-wizard").setAttribute("profile", "shandong"));
  await expect.poll(() => page.evaluate(() => window.events.filter((e) => e.type === "wizard:ready").length)).toBe(2);
  const saved = await storedDrafts(page, "example-element");
  expect(saved.map((d) => d.filing.purchaser.contact_name)).toContain("改属性前");
  // The remounted instance resumes that draft and keeps working.
  await expect(heading(el)).toHaveText("采购单位信息");
  await expect(el.getByLabel("联系人", { exact: true })).toHaveValue("改属性前");
  console.assertClean();
});

for (const event of ["wizard:change", "wizard:draft-saved"]) {
  test(`unmount() inside a ${event} listener: no crash, the edit is saved, another instance still works`, async ({ page }) => {
    const console = watchConsole(page);
    await openPlain(page);
    await mountExtra(page, "other", { namespace: "other" });
    await mountExtra(page, "victim", { namespace: "victim" });
    const w = page.locator("#victim");
    await w.getByRole("button", { name: "开始", exact: true }).click();
    await w.getByLabel("自主联合采购").check();
    await next(w);
    // Let the page change's own autosave happen first.
    await expect(w.locator(".prw-save")).toHaveAttribute("data-status", "saved");
    await page.waitForTimeout(700);
    await page.evaluate((event) => {
      const el = document.getElementById("victim");
      el.addEventListener(event, () => {
        if (window.extra.victim) {
          window.extra.victim.unmount();
          window.extra.victim = null;
          window.unmountedIn = event;
        }
      });
    }, event);
    await w.getByLabel("联系人", { exact: true }).fill("最后一笔");
    await expect.poll(() => page.evaluate(() => window.unmountedIn)).toBe(event);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.getElementById("victim").shadowRoot.childElementCount)).toBe(0);
    const saved = await storedDrafts(page, "victim");
    expect(saved.map((d) => d.filing.purchaser.contact_name)).toEqual(["最后一笔"]);
    await stillWorks(page, "other");
    console.assertClean();
  });
}

test("unmount() inside a wizard:submit listener (replace the form with a thank-you): no crash", async ({ page }) => {
  const console = watchConsole(page);
  await openPlain(page);
  await mountExtra(page, "other", { namespace: "other" });
  await page.evaluate((d) => localStorage.setItem(`prw:submit:draft:${d.id}`, JSON.stringify(d)), draftWith("sub-1", 0, (d) => Object.assign(d, { step: "check", filing: structuredClone(EXAMPLE.filing) })));
  await mountExtra(page, "submit", { namespace: "submit", profile: "liaocheng" });
  await page.evaluate(() => {
    const el = document.getElementById("submit");
    el.addEventListener("wizard:submit", (e) => {
      window.submitted = e.detail;
      window.extra.submit.unmount();
      el.replaceChildren(Object.assign(document.createElement("p"), { textContent: "谢谢，已提交" }));
    });
  });
  const w = page.locator("#submit");
  await w.getByRole("button", { name: /^继续 测试草稿/ }).click();
  await expect(heading(w)).toHaveText("提交前核对您的填写");
  await w.getByRole("button", { name: "生成备案包" }).click();
  await expect.poll(() => page.evaluate(() => window.submitted?.route)).toBe("J-voluntary");
  await page.waitForTimeout(300);
  await stillWorks(page, "other");
  console.assertClean();
});

test("unmount() while a draft file is being read: no crash", async ({ page }) => {
  const console = watchConsole(page);
  await openPlain(page);
  await mountExtra(page, "other", { namespace: "other" });
  await mountExtra(page, "importer", { namespace: "importer" });
  const input = page.locator("#importer").locator('input[type="file"]');
  // The drafts panel, with its file input, renders a frame after the start
  // button (ui::pages::start).
  await input.waitFor({ state: "attached" });
  // A large file takes a moment to read; unmount as soon as it is chosen.
  await page.evaluate(() =>
    document.getElementById("importer").shadowRoot.querySelector('input[type="file"]').addEventListener("change", () => window.extra.importer.unmount()),
  );
  await input.setInputFiles({ name: "draft.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(draftWith("imp-1", 1000))) });
  await page.waitForTimeout(500);
  await stillWorks(page, "other");
  console.assertClean();
});

test("namespaces never see each other: list, quarantine and clear-all stay inside their own, even a prefix of another", async ({ page }) => {
  const console = watchConsole(page);
  await openPlain(page);
  const namespaces = ["portal-a", "portal-a:draft:x", "portal-a:b", "portal-ab"];
  await page.evaluate(
    ([namespaces, drafts]) => {
      namespaces.forEach((ns, i) => {
        localStorage.setItem(`prw:${ns}:draft:${drafts[i].id}`, JSON.stringify(drafts[i]));
        localStorage.setItem(`prw:${ns}:draft:broken-${i}`, "{not json");
      });
    },
    [namespaces, namespaces.map((_, i) => draftWith(`d-${i}`, 1, (d) => (d.name = `草稿${i}`)))],
  );
  await mountExtra(page, "a", { namespace: "portal-a" });
  const w = page.locator("#a");
  // Its own draft and its own damaged entry, nothing of the others.
  await expect(w.locator(".prw-drafts__table tbody tr")).toHaveCount(2);
  await expect(w.locator(".prw-drafts__table")).toContainText("草稿0");
  await expect(w.locator(".prw-drafts__table")).not.toContainText("草稿1");
  await w.getByRole("button", { name: "清除本机所有草稿" }).click();
  await w.locator('[role="alertdialog"]').getByRole("button").first().click();
  await expect(w.locator(".prw-drafts__table")).toHaveCount(0);
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("prw:")).sort());
  expect(left).toEqual(
    namespaces
      .slice(1)
      .flatMap((ns, i) => [`prw:${ns}:draft:broken-${i + 1}`, `prw:${ns}:draft:d-${i + 1}`])
      .sort(),
  );
  console.assertClean();
});

test("a second live instance on the same namespace is refused with a clear error", async ({ page }) => {
  await openPlain(page);
  const message = await page.evaluate(() => {
    const el = document.createElement("div");
    document.body.append(el);
    try {
      window.embedApi.mount(el, { namespace: "example-plain" });
      return "mounted";
    } catch (e) {
      return e.message;
    }
  });
  expect(message).toContain("invalid config.namespace");
  expect(message).toContain("already used by a wizard mounted on this page");
  // Once the first is unmounted, the namespace is free again.
  await page.evaluate(() => window.handle.unmount());
  await mountExtra(page, "again", { namespace: "example-plain" });
});

test("a draft whose rows share an id: removing one row removes one, and edits reach the row typed in", async ({ page }) => {
  const console = watchConsole(page);
  await openPlain(page);
  const d = draftWith("dup-1", 3, (d) => d.filing.joint.participants.forEach((p) => (p.id = 7)));
  await page.evaluate((d) => localStorage.setItem(`prw:dup:draft:${d.id}`, JSON.stringify(d)), d);
  await mountExtra(page, "dup", { namespace: "dup", profile: "liaocheng" });
  const w = page.locator("#dup");
  await w.getByRole("button", { name: /^继续 测试草稿/ }).click();
  await expect(w.locator("fieldset.prw-row")).toHaveCount(3);
  await w.locator("fieldset.prw-row").nth(2).getByLabel("单位名称").fill("第三个单位");
  await expect(w.locator("fieldset.prw-row").nth(0).getByLabel("单位名称")).toHaveValue("单位1");
  await w.locator("fieldset.prw-row").first().getByRole("button", { name: /^删除/ }).click();
  await expect(w.locator("fieldset.prw-row")).toHaveCount(2);
  await expect.poll(async () => (await storedDrafts(page, "dup"))[0].filing.joint.participants.map((p) => p.name)).toEqual(["单位2", "第三个单位"]);
  console.assertClean();
});

test("a draft with a row id of 4294967295: adding a unit adds exactly one visible row", async ({ page }) => {
  const console = watchConsole(page);
  await openPlain(page);
  const d = draftWith("max-1", 2, (d) => (d.filing.joint.participants[1].id = 4294967295));
  await page.evaluate((d) => localStorage.setItem(`prw:max:draft:${d.id}`, JSON.stringify(d)), d);
  await mountExtra(page, "max", { namespace: "max", profile: "liaocheng" });
  const w = page.locator("#max");
  await w.getByRole("button", { name: /^继续 测试草稿/ }).click();
  await expect(w.locator("fieldset.prw-row")).toHaveCount(2);
  for (const n of [3, 4]) {
    await w.getByRole("button", { name: "添加一个单位" }).click();
    await expect(w.locator("fieldset.prw-row")).toHaveCount(n);
  }
  await expect.poll(async () => new Set((await storedDrafts(page, "max"))[0].filing.joint.participants.map((p) => p.id)).size).toBe(4);
  console.assertClean();
});

test("a draft whose revision is 18446744073709551615: autosave goes on, no false two-tab conflict", async ({ page }) => {
  const console = watchConsole(page);
  await openPlain(page);
  // Written as text: JSON.stringify cannot write a 64-bit integer exactly.
  const text = JSON.stringify(draftWith("rev-1", 1)).replace('"revision":1', '"revision":18446744073709551615');
  await page.evaluate((t) => localStorage.setItem("prw:rev:draft:rev-1", t), text);
  await mountExtra(page, "rev", { namespace: "rev", profile: "liaocheng" });
  const w = page.locator("#rev");
  await w.getByRole("button", { name: /^继续 测试草稿/ }).click();
  await w.locator("fieldset.prw-row").first().getByLabel("单位名称").fill("改过的名称");
  await expect.poll(async () => (await storedDrafts(page, "rev"))[0].filing.joint.participants[0].name).toBe("改过的名称");
  await expect(w.locator(".prw-save")).toHaveAttribute("data-status", "saved");
  await expect(w.locator('[data-status="conflict"]')).toHaveCount(0);
  console.assertClean();
});

test("every text field is checked as the purchaser types: too long, or an invisible control character", async ({ page }) => {
  const console = watchConsole(page);
  await openPlain(page);
  await page.evaluate((d) => localStorage.setItem(`prw:typing:draft:${d.id}`, JSON.stringify(d)), draftWith("typing-1", 2));
  await mountExtra(page, "typing", { namespace: "typing", profile: "liaocheng" });
  const w = page.locator("#typing");
  await w.getByRole("button", { name: /^继续 测试草稿/ }).click();
  // A row's budget source, which no other rule bounds: a bidi override.
  const source = w.locator("fieldset.prw-row").first().getByLabel("预算来源");
  await source.fill("财政\u202E拨款");
  await expect(source).toHaveAttribute("aria-invalid", "true");
  await expect(w.locator("fieldset.prw-row").first().locator(".prw-error-message")).toContainText("预算资金来源含有不可见的控制字符");
  await source.fill("财政拨款");
  await expect(source).not.toHaveAttribute("aria-invalid", "true");
  // A pasted 2,001-character text on the responsibilities page.
  await page.evaluate(() => window.extra.typing.unmount());
  const d = draftWith("typing-2", 2, (d) => (d.step = "responsibility"));
  await page.evaluate((d) => localStorage.setItem(`prw:typing2:draft:${d.id}`, JSON.stringify(d)), d);
  await mountExtra(page, "typing2", { namespace: "typing2", profile: "liaocheng", locale: "en" });
  const e = page.locator("#typing2");
  await e.getByRole("button", { name: /^Resume/ }).first().click();
  const other = e.locator('[id$="responsibility-policies-other"]');
  await other.fill("节".repeat(2001));
  await expect(other).toHaveAttribute("aria-invalid", "true");
  await expect(e.locator(".prw-error-message")).toContainText("2000 characters or fewer");
  console.assertClean();
});

test("strict JSON in the browser: a draft with a key given twice is refused with the checker's words, the stored text kept", async ({ page }) => {
  const console = watchConsole(page);
  await openPlain(page);
  const text = JSON.stringify(draftWith("dupkey-1", 1)).replace('"name":"测试草稿"', '"name":"测试草稿","name":"另一个"');
  await page.evaluate((t) => localStorage.setItem("prw:strict:draft:dupkey-1", t), text);
  await mountExtra(page, "strict", { namespace: "strict" });
  const w = page.locator("#strict");
  // Stored: quarantined, with the exact refusal, its text untouched.
  const row = w.locator("tr.prw-unreadable");
  // A stored entry is damaged (not "a file"), with the checker's words.
  await expect(row).toContainText("本机保存的这份草稿已损坏，无法读取");
  await expect(row).toContainText("（顶层）：键“name”出现了两次");
  expect(await page.evaluate(() => localStorage.getItem("prw:strict:draft:dupkey-1"))).toBe(text);
  // Imported: refused with the same words.
  await w.locator('input[type="file"]').setInputFiles({ name: "draft.json", mimeType: "application/json", buffer: Buffer.from(text.replace("dupkey-1", "dupkey-2")) });
  await expect(w.locator(".prw-notice")).toContainText("（顶层）：键“name”出现了两次");
  console.assertClean();
});

/** Crash the wasm as a bug would (config `crashTest: true`); the call
 * itself ends in the abort's error. */
async function crash(page, id) {
  return page.evaluate((id) => {
    try {
      window.extra[id].crashForTests();
      return "no panic";
    } catch (e) {
      return String(e);
    }
  }, id);
}

test("a panic (a bug): every typed character is saved, the form says so with download and reload, and a reload finds it all", async ({ page }) => {
  await openPlain(page);
  await mountExtra(page, "crash", { namespace: "crash", crashTest: true });
  const w = page.locator("#crash");
  await typeContact(w, "崩溃前刚输入的联系人");
  await w.getByLabel("联系电话", { exact: true }).fill("0635-8241234");
  // Well inside the 300 ms autosave debounce: only the rescue can save it.
  expect(await crash(page, "crash")).toMatch(/unreachable|RuntimeError/);
  const alert = w.getByRole("alert");
  await expect(alert.getByRole("heading")).toHaveText("表单出错停止了运行");
  await expect(alert).toContainText("已保存为本机草稿");
  const saved = await storedDrafts(page, "crash");
  expect(saved.map((d) => [d.filing.purchaser.contact_name, d.filing.purchaser.contact_phone])).toEqual([["崩溃前刚输入的联系人", "0635-8241234"]]);

  const [download] = await Promise.all([page.waitForEvent("download"), alert.getByRole("link", { name: "下载草稿文件" }).click()]);
  const file = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  expect(file.filing.purchaser.contact_name).toBe("崩溃前刚输入的联系人");
  expect(download.suggestedFilename()).toMatch(/^draft-.*\.json$/);

  await alert.getByRole("link", { name: "重新加载页面" }).click();
  await expect(page.locator("#log")).toContainText("wizard:ready");
  await mountExtra(page, "crash", { namespace: "crash" });
  await expect(heading(w)).toHaveText("采购单位信息");
  await expect(w.getByLabel("联系人", { exact: true })).toHaveValue("崩溃前刚输入的联系人");
  await expect(w.getByLabel("联系电话", { exact: true })).toHaveValue("0635-8241234");
});

test("the rescue message speaks the purchaser's language; without crashTest crashForTests() only throws", async ({ page }) => {
  await openPlain(page);
  await mountExtra(page, "safe", { namespace: "safe" });
  expect(await crash(page, "safe")).toContain("needs crashTest");
  await stillWorks(page, "safe");
  await mountExtra(page, "en", { namespace: "en", crashTest: true });
  await page.evaluate(() => window.extra.en.setLocale("en"));
  await crash(page, "en");
  const alert = page.locator("#en").getByRole("alert");
  await expect(alert.getByRole("heading")).toHaveText("The form stopped because of an error");
  await expect(alert.getByRole("link", { name: "Reload the page" })).toBeVisible();
  // Nothing typed in either: nothing to download.
  await expect(alert.getByRole("link", { name: "Download the draft" })).toHaveCount(0);
  // The abort stops every instance on the page: each says so, in its own language.
  await expect(page.locator("#safe").getByRole("alert")).toContainText("您尚未开始填写，请重新加载页面");
});
