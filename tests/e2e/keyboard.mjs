// Drive the wizard with the keyboard alone: Tab to a control, then type,
// Space, arrows or Enter, exactly as a keyboard user would. The target is
// found by what a screen reader would announce (label, legend, row).
import { expect } from "@playwright/test";

/** What the focused control is, seen through the wizard's shadow root. */
async function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    const root = el.getRootNode();
    const text = (n) => (n ? n.textContent.replace(/\s+/g, " ").trim() : "");
    const label = el.id ? text(root.querySelector(`label[for="${CSS.escape(el.id)}"]`)) : "";
    const fieldset = el.closest("fieldset.prw-fieldset");
    const row = el.closest("fieldset.prw-row");
    return {
      tag: el.tagName.toLowerCase(),
      type: el.type || "",
      label,
      legend: fieldset ? text(fieldset.querySelector("legend")) : "",
      row: row ? text(row.querySelector("legend")) : "",
      text: text(el),
      checked: !!el.checked,
      inWizard: root !== document,
    };
  });
}

const norm = (s) => s.replace("（选填）", "").replace(/\s+/g, " ").trim();

/** Press Tab until `match(focused)` holds; fail after `limit` presses. */
export async function tabTo(page, match, what, limit = 400) {
  for (let i = 0; i < limit; i++) {
    const f = await focused(page);
    if (f && f.inWizard && match(f)) return f;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${what} with Tab`);
}

const inRow = (f, row) => row === undefined || f.row.startsWith(`单位 ${row}`) || f.row.startsWith(`Unit ${row}`);

/** Type into the text field labelled `label` (in row `row`, 1-based). */
export async function fill(page, label, value, row) {
  await tabTo(page, (f) => (f.tag === "input" && f.type === "text" || f.tag === "textarea") && norm(f.label) === label && inRow(f, row), `field ${label}`);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  if (value) await page.keyboard.insertText(value);
}

/** Select `option` in the radio group whose legend is `legend`. */
export async function choose(page, legend, option, row) {
  let f = await tabTo(page, (f) => f.type === "radio" && norm(f.legend).startsWith(legend) && inRow(f, row), `radios ${legend}`);
  // Tab lands on the checked radio, or the first; arrows move and select.
  for (let i = 0; i < 12 && !(f.label === option && f.checked); i++) {
    if (f.label === option) {
      await page.keyboard.press("Space");
    } else {
      await page.keyboard.press("ArrowDown");
    }
    f = await focused(page);
  }
  expect(f.label).toBe(option);
  expect(f.checked).toBe(true);
}

/** Tick the checkbox labelled `label`. */
export async function tick(page, label) {
  const f = await tabTo(page, (f) => f.type === "checkbox" && norm(f.label) === label, `checkbox ${label}`);
  if (!f.checked) await page.keyboard.press("Space");
}

/** Activate the button whose text starts with `text`. */
export async function press(page, text) {
  await tabTo(page, (f) => f.tag === "button" && f.text.startsWith(text), `button ${text}`);
  await page.keyboard.press("Enter");
}
