// Reads `twiggy top --format csv` on stdin and prints the share of the
// wasm's code and data per crate (this crate per module), largest first.
// Used by `scripts/size-report --top`.
import fs from "node:fs";

function parseLine(line) {
  const cells = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { cells.push(cell); cell = ""; }
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** The crate an item belongs to: `<T as tachys::…>::f` is tachys's
 * monomorphisation, `procurement_route_wizard::ui::form::f` is ui::form. */
function owner(name) {
  if (name.startsWith("data segment")) return "(data: strings, tables)";
  if (name.startsWith("\"") || name.startsWith("custom section") || name.startsWith("elem[") || name.startsWith("table[")) return "(wasm sections)";
  const own = /procurement_route_wizard::([a-z_]+)(?:::([a-z_]+))?/.exec(name);
  const crate = /^<?(?:impl )?(?:<[^>]*> )?([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(name);
  if (crate && crate[1] !== "procurement_route_wizard" && !["T", "F", "E", "A", "I"].includes(crate[1])) return crate[1];
  if (own) return own[1] === "domain" || own[1] === "ui" ? `this crate: ${own[1]}::${own[2] ?? ""}` : `this crate: ${own[1]}`;
  const inner = /([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(name);
  return inner ? inner[1] : "(other)";
}

const lines = fs.readFileSync(0, "utf8").trim().split("\n");
const header = parseLine(lines[0]);
const nameAt = header.indexOf("Name");
const sizeAt = header.indexOf("ShallowSize");
const shares = new Map();
let total = 0;
for (const line of lines.slice(1)) {
  const cells = parseLine(line);
  const name = cells[nameAt];
  const size = Number(cells[sizeAt]);
  // Names are stripped from the shipped wasm; the total row is a sum.
  if (!Number.isFinite(size) || name.includes("function names") || name.startsWith("Σ") || name.startsWith("... and")) continue;
  const k = owner(name);
  shares.set(k, (shares.get(k) ?? 0) + size);
  total += size;
}
const rows = [...shares].sort((a, b) => b[1] - a[1]);
console.log(`${"crate (this crate by module)".padEnd(40)} ${"bytes".padStart(9)} ${"share".padStart(7)}`);
for (const [k, v] of rows.slice(0, Number(process.argv[2] ?? 30))) {
  console.log(`${k.padEnd(40)} ${String(v).padStart(9)} ${((100 * v) / total).toFixed(1).padStart(6)}%`);
}
console.log(`${"total (before wasm-opt, names left out)".padEnd(40)} ${String(total).padStart(9)}`);
