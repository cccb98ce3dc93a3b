// The post-build's trimming of the bundle (scripts/wasm-trim.mjs): on a small
// hand-written module, and on the built bundle when dist/ holds one.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { glueModule, trimBundle } from "../../scripts/wasm-trim.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const leb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const str = (s) => [...leb(Buffer.byteLength(s)), ...Buffer.from(s)];
const section = (id, body) => [id, ...leb(body.length), ...body];

/** A module importing two functions from the glue, one from a snippet and
 * a memory from the glue; its export `run` calls the first import. It ends
 * with a custom section. */
function module() {
  const imports = [
    ...leb(4),
    ...str("./x_bg.js"), ...str("__wbg_foo_0123456789abcdef"), 0, 0,
    ...str("./snippets/s.js"), ...str("keep"), 0, 0,
    ...str("./x_bg.js"), ...str("__wbg_bar_fedcba9876543210"), 0, 0,
    ...str("./x_bg.js"), ...str("__wbindgen_memory"), 2, 1, 1, 2,
  ];
  return Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(2, imports),
    ...section(3, [1, 0]),
    ...section(7, [1, ...str("run"), 0, 3]),
    ...section(10, [1, 4, 0, 0x10, 0, 0x0b]),
    ...section(0, str("producers")),
  ]);
}

const GLUE = `const calls = [];
const i0 = { __proto__: null, __wbg_foo_0123456789abcdef: () => calls.push("foo"), __wbg_bar_fedcba9876543210: () => calls.push("bar"), __wbindgen_memory: new WebAssembly.Memory({ initial: 1, maximum: 2 }) };
const run = (wasm) => wasm.run();
return { calls, run, imports: { "./x_bg.js": i0, "./snippets/s.js": { keep: () => calls.push("keep") } } };`;

test("imports from the glue and exports get short names in the wasm and the glue alike; others keep theirs; custom sections go", () => {
  const out = trimBundle(module(), GLUE, "./x_bg.js");
  assert.equal(out.renamed, 3);
  const names = WebAssembly.Module.imports(new WebAssembly.Module(out.wasm)).map((i) => `${i.module}/${i.name}/${i.kind}`);
  assert.deepEqual(names, ["m/a/function", "./snippets/s.js/keep/function", "m/b/function", "m/c/memory"]);
  assert.doesNotMatch(out.glue, /__wbg_|x_bg/);
  assert.deepEqual(WebAssembly.Module.exports(new WebAssembly.Module(out.wasm)).map((e) => e.name), ["a"]);
  const { calls, run, imports } = new Function(out.glue)();
  run(new WebAssembly.Instance(new WebAssembly.Module(out.wasm), imports).exports);
  assert.deepEqual(calls, ["foo"]);
  assert.equal(WebAssembly.Module.customSections(new WebAssembly.Module(module()), "producers").length, 1);
  assert.equal(WebAssembly.Module.customSections(new WebAssembly.Module(out.wasm), "producers").length, 0);
  assert.ok(out.wasm.length < module().length);
});

test("a glue that does not name each import exactly once, or reads exports otherwise, fails the build", () => {
  assert.throws(() => trimBundle(module(), GLUE.replace("__wbg_bar_fedcba9876543210", "other"), "./x_bg.js"), /__wbg_bar_fedcba9876543210 0 times/);
  assert.throws(() => trimBundle(module(), `${GLUE}\n// __wbg_foo_0123456789abcdef`, "./x_bg.js"), /__wbg_foo_0123456789abcdef 2 times/);
  assert.throws(() => trimBundle(module(), GLUE.replace('"./x_bg.js"', '"./y_bg.js"'), "./x_bg.js"), /module "\.\/x_bg\.js" 0 times/);
  assert.throws(() => trimBundle(module(), GLUE.replace("wasm.run()", "wasm.walk()"), "./x_bg.js"), /reads exports the wasm does not have: walk/);
  assert.throws(() => trimBundle(module(), GLUE.replace("(wasm) => wasm.run()", "(w) => w.run()"), "./x_bg.js"), /reads no export/);
  assert.throws(() => trimBundle(Buffer.from("not wasm"), GLUE, "./x_bg.js"), /not a wasm module/);
  assert.throws(() => trimBundle(module().subarray(0, 30), GLUE, "./x_bg.js"), /past the end|truncated/);
});

test("the glue module is named after the glue file", () => {
  assert.equal(glueModule("procurement-route-wizard.js"), "./procurement-route-wizard_bg.js");
});

test("the built bundle imports and exports only short names, each import provided by its glue", { skip: !fs.existsSync(path.join(ROOT, "dist/procurement-route-wizard_bg.wasm")) }, async () => {
  const wasm = fs.readFileSync(path.join(ROOT, "dist/procurement-route-wizard_bg.wasm"));
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasm));
  assert.ok(imports.length > 50);
  for (const name of ["producers", "target_features", "__wasm_split_unstable"]) {
    assert.equal(WebAssembly.Module.customSections(new WebAssembly.Module(wasm), name).length, 0, name);
  }
  for (const i of imports) {
    assert.equal(i.module, "m");
    assert.match(i.name, /^[a-zA-Z]{1,2}$/);
  }
  for (const e of WebAssembly.Module.exports(new WebAssembly.Module(wasm))) assert.match(e.name, /^[a-zA-Z]{1,2}$/);
  const glue = fs.readFileSync(path.join(ROOT, "dist/procurement-route-wizard.js"), "utf8");
  for (const i of imports) assert.match(glue, new RegExp(`[{,]${i.name}:`), `the glue provides ${i.name}`);
});
