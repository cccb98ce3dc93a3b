// Writes package.json for the browser component's npm package into a
// staging folder. The version comes from Cargo.toml (passed in by
// scripts/release), so it is written in one place only.
// Usage: node scripts/npm-package.mjs STAGING_DIR VERSION
import fs from "node:fs";
import path from "node:path";

/** What the package ships, beside package.json. tests/release checks that
 * `npm pack` packs exactly this. */
export const SHIPPED = [
  "LICENSE",
  "README.md",
  "procurement-route-wizard.js",
  "rules.md",
  "procurement-route-wizard_bg.wasm",
  "wizard-element.js",
  "wizard.css",
  "wizard.d.ts",
  "wizard.js",
];

export function packageJson(version) {
  return {
    name: "procurement-route-wizard",
    version,
    description: "Procurement-route filing wizard for 鲁财采〔2020〕40号 / 聊财采〔2021〕1号: a WebAssembly component that portals embed",
    license: "MIT",
    type: "module",
    main: "./wizard.js",
    types: "./wizard.d.ts",
    exports: {
      ".": { types: "./wizard.d.ts", default: "./wizard.js" },
      "./element": "./wizard-element.js",
      "./wizard.css": "./wizard.css",
      "./procurement-route-wizard_bg.wasm": "./procurement-route-wizard_bg.wasm",
      "./package.json": "./package.json",
    },
    files: SHIPPED.filter((f) => f !== "README.md" && f !== "LICENSE"),
    // Only the element module defines something on import (the custom element).
    sideEffects: ["./wizard-element.js"],
    keywords: ["procurement", "government", "wizard", "webassembly", "custom-element"],
  };
}

/** The Node.js checker's package (crates/filing-check-node, wasm-bindgen
 * --target nodejs): what it ships beside package.json. */
export const CHECKER_SHIPPED = [
  "LICENSE",
  "README.md",
  "index.d.ts",
  "index.js",
  "procurement_filing_check.js",
  "procurement_filing_check_bg.wasm",
];

export function checkerPackageJson(version) {
  return {
    name: "procurement-filing-check",
    version,
    description: "The filing checker of procurement-route-wizard for Node.js, in process: the same judgement as filing-check --json, compiled to WebAssembly",
    license: "MIT",
    type: "commonjs",
    main: "./index.js",
    types: "./index.d.ts",
    exports: {
      ".": { types: "./index.d.ts", default: "./index.js" },
      "./package.json": "./package.json",
    },
    files: CHECKER_SHIPPED.filter((f) => f !== "README.md" && f !== "LICENSE"),
    sideEffects: false,
    engines: { node: ">=18" },
    keywords: ["procurement", "government", "validation", "webassembly"],
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [dir, version, which = "wizard"] = process.argv.slice(2);
  if (!dir || !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version ?? "") || !["wizard", "checker"].includes(which)) {
    console.error("usage: node scripts/npm-package.mjs STAGING_DIR VERSION [wizard|checker]");
    process.exit(2);
  }
  const json = which === "wizard" ? packageJson(version) : checkerPackageJson(version);
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(json, null, 2) + "\n");
}
