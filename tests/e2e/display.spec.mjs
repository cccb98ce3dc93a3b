// Accessibility beyond axe, on every page of one route per family, in both
// languages: Windows High Contrast (forced colours), reflow at 320 CSS px
// (400 % zoom of 1280 px) and 640 px (200 %), and WCAG 1.4.12 text spacing.
// A forced-colours screenshot of each page is saved with the test output.
import { test, expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDemo, actMouse } from "./helpers.mjs";
import { script } from "./routes.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const w = (page) => page.locator("#wizard");
const heading = (page) => w(page).locator("h2.prw-heading");

/** Every button, text input, radio and checkbox keeps a visible edge in
 * forced colours, and the focused one a visible indicator. */
async function forcedColours(page, where) {
  await page.emulateMedia({ forcedColors: "active" });
  const bad = await page.evaluate(() => {
    const root = document.querySelector("#wizard").shadowRoot;
    const visible = (el) => el.getClientRects().length > 0;
    const edge = (s) =>
      (parseFloat(s.borderTopWidth) >= 1 && s.borderTopStyle !== "none") ||
      (parseFloat(s.outlineWidth) >= 1 && s.outlineStyle !== "none");
    const out = [];
    for (const el of root.querySelectorAll("button.prw-button, input, textarea")) {
      if (!visible(el)) continue;
      const s = getComputedStyle(el);
      // Radios and checkboxes are the system's own controls: their state
      // is drawn by the platform as long as their appearance is native.
      if (el.type === "radio" || el.type === "checkbox") {
        if (s.appearance === "none") out.push(`${el.type} without native appearance`);
        continue;
      }
      if (el.type === "file") continue;
      if (!edge(s)) out.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.id).trim().slice(0, 20)}" has no edge`);
    }
    const focusable = [...root.querySelectorAll("button.prw-button, input, textarea, .prw-link")].find(visible);
    if (focusable) {
      focusable.focus();
      const s = getComputedStyle(focusable);
      if (!(parseFloat(s.outlineWidth) >= 2 && s.outlineStyle !== "none")) out.push(`focus on ${focusable.tagName} shows no outline`);
    }
    return out;
  });
  expect(bad, `${where}: forced colours`).toEqual([]);
  await page.screenshot({ path: test.info().outputPath(`forced-colours-${where}.png`), fullPage: true });
  await page.emulateMedia({ forcedColors: "none" });
}

/** No horizontal scrolling of the page at `width` CSS px. */
async function reflow(page, where, width) {
  const size = page.viewportSize();
  await page.setViewportSize({ width, height: 800 });
  const over = await page.evaluate(() => {
    const doc = document.scrollingElement;
    const out = [];
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`page scrolls: ${doc.scrollWidth} > ${doc.clientWidth}`);
    // And nothing inside pokes out of the wizard (scroll regions aside).
    const root = document.querySelector("#wizard").shadowRoot;
    const box = document.querySelector("#wizard").getBoundingClientRect();
    for (const el of root.querySelectorAll("*")) {
      if (el.closest(".prw-scroll") || el.closest(".prw-visually-hidden") || el.getClientRects().length === 0) continue;
      const r = el.getBoundingClientRect();
      if (r.right > box.right + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(r.right)} > ${Math.round(box.right)}`);
    }
    return out.slice(0, 5);
  });
  expect(over, `${where}: reflow at ${width} px`).toEqual([]);
  await page.setViewportSize(size);
}

/** WCAG 1.4.12: with the text-spacing bookmarklet's values, no text is cut off. */
async function textSpacing(page, where) {
  const cut = await page.evaluate(() => {
    const root = document.querySelector("#wizard").shadowRoot;
    const style = document.createElement("style");
    style.id = "text-spacing";
    style.textContent = "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";
    root.appendChild(style);
    const out = [];
    for (const el of root.querySelectorAll("button, label, legend, p, h2, h3, li, th, td, a, dt, dd, span")) {
      if (el.getClientRects().length === 0 || el.closest(".prw-visually-hidden") || el.closest(".prw-scroll")) continue;
      const s = getComputedStyle(el);
      if (s.display.startsWith("inline") && s.display !== "inline-block") continue;
      const clips = s.overflowX !== "visible" || s.overflowY !== "visible";
      if (clips && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1))
        out.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 20)}" is cut off`);
    }
    style.remove();
    return out;
  });
  expect(cut, `${where}: text spacing`).toEqual([]);
}

async function allChecks(page, where) {
  await forcedColours(page, where);
  await reflow(page, where, 320);
  await reflow(page, where, 640);
  await textSpacing(page, where);
}

for (const route of ["D-own", "A", "J-voluntary"]) {
  test(`${route}: forced colours, reflow and text spacing on every page, zh and en`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await openDemo(page, "?profile=liaocheng");
    const pages = [["采购组织形式备案", []], ...script(route, "liaocheng")];
    for (const [i, [h, actions]] of pages.entries()) {
      await expect(heading(page)).toHaveText(h);
      for (const lang of ["zh", "en"]) {
        if (lang === "en") await w(page).getByRole("button", { name: "English" }).click();
        await allChecks(page, `${route}-${i}-${lang}`);
        if (lang === "en") await w(page).getByRole("button", { name: "中文" }).click();
      }
      if (i === 1) {
        // The route page with its errors shown (the case the issue found).
        await w(page).getByRole("button", { name: "继续", exact: true }).click();
        await expect(w(page).locator(".prw-error-summary")).toBeVisible();
        await allChecks(page, `${route}-${i}-errors`);
      }
      for (const a of actions) await actMouse(page, a);
      await w(page).getByRole("button", { name: i === 0 ? "开始" : "继续", exact: true }).click();
    }
    await expect(heading(page)).toHaveText("提交前核对您的填写");
    await allChecks(page, `${route}-check-zh`);
    await w(page).getByRole("button", { name: "English" }).click();
    await allChecks(page, `${route}-check-en`);
  });
}

test("the purchaser page with errors in forced colours: every button keeps its border", async ({ page }) => {
  await openDemo(page, "?profile=liaocheng");
  await w(page).getByRole("button", { name: "开始" }).click();
  await w(page).getByLabel("自主联合采购", { exact: true }).check();
  await w(page).getByRole("button", { name: "继续", exact: true }).click();
  await w(page).getByLabel("统一社会信用代码").fill("11371500004180002K");
  await w(page).getByRole("button", { name: "继续", exact: true }).click();
  await expect(w(page).locator(".prw-error-summary")).toBeVisible();
  await page.emulateMedia({ forcedColors: "active" });
  const button = w(page).getByRole("button", { name: "继续", exact: true });
  const border = await button.evaluate((el) => {
    const s = getComputedStyle(el);
    return { width: parseFloat(s.borderTopWidth), style: s.borderTopStyle };
  });
  expect(border.width).toBeGreaterThanOrEqual(2);
  expect(border.style).toBe("solid");
  await page.screenshot({ path: test.info().outputPath("purchaser-errors-forced-colours.png"), fullPage: true });
});

test("reduced motion: no transition or animation runs", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openDemo(page, "?profile=liaocheng");
  const moving = await page.evaluate(() => {
    const root = document.querySelector("#wizard").shadowRoot;
    return [...root.querySelectorAll("*")].filter((el) => {
      const s = getComputedStyle(el);
      return parseFloat(s.transitionDuration) > 0 || s.animationName !== "none";
    }).length;
  });
  expect(moving).toBe(0);
});

test("the shipped stylesheet is the source one minified: the browser reads the same rules from both", async ({ page }) => {
  const source = fs.readFileSync(path.join(ROOT, "style/wizard.css"), "utf8");
  const shipped = fs.readFileSync(path.join(ROOT, "dist/wizard.css"), "utf8");
  expect(shipped.length).toBeLessThan(source.length * 0.9);
  await page.setContent("<!doctype html><title>stylesheet</title>");
  const rules = await page.evaluate((texts) => texts.map((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    const all = [];
    const walk = (list) => {
      for (const r of list) {
        all.push(r.cssRules ? r.cssText.split("{")[0] : r.cssText);
        if (r.cssRules) walk(r.cssRules);
      }
    };
    walk(sheet.cssRules);
    return all;
  }), [source, shipped]);
  expect(rules[0].length).toBeGreaterThan(50);
  expect(rules[1]).toEqual(rules[0]);
});
