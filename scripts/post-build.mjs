// Trunk post-build hook, release only, in the staging folder:
// 1. Drop what a dependency exports but the wizard never uses: Leptos
//    always links server_fn, whose wasm-streams exports three JS classes
//    (stream sources and a sink for server functions). Exports are roots,
//    so no optimiser removes them; nothing in a client-side page can reach
//    them (no constructor, no `__wrap`). Their wasm exports go, then the
//    code only they reached, then their classes in the glue. The result is
//    checked: every `wasm.x` the glue calls is still exported.
// 2. Minify the JavaScript (the wasm-bindgen glue and the embedding API)
//    with terser: Trunk's own minifier cannot parse the glue's
//    `export default`. Source stays readable in src/js/; wizard.d.ts
//    documents the API.
// Trunk wrote sub-resource integrity hashes into index.html before this
// hook runs: each changed file's hash is replaced there too.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("run by Trunk: TRUNK_STAGING_DIR is not set");
if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
// The wasm-opt scripts/setup installed (npm binaryen), beside this script:
// the empty-page bench runs it from its own folder.
const root = join(import.meta.dirname, "..");
const wasmOpt = join(root, "node_modules/.bin/wasm-opt");

// The unused classes, by their JS name; their wasm exports are the name in
// lower case followed by `_` (methods) or `__wbg_<name>_free`.
const UNUSED = ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];
// The wasm features the build enables (index.html's data-wasm-opt-params).
const FEATURES = ["bulk-memory", "nontrapping-float-to-int", "sign-ext", "reference-types", "multivalue", "mutable-globals"]
  .map((f) => `--enable-${f}`);

const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");
const html = join(dir, "index.html");
let page = await readFile(html, "utf8");
const names = await readdir(dir);

const glueName = names.find((n) => n.endsWith(".js") && names.includes(n.replace(/\.js$/, "_bg.wasm")));
if (glueName) {
  const wasmPath = join(dir, glueName.replace(/\.js$/, "_bg.wasm"));
  const gluePath = join(dir, glueName);
  const original = await readFile(gluePath, "utf8");
  let glue = original;
  const before = await readFile(wasmPath);
  const present = UNUSED.filter((c) => glue.includes(`export class ${c} {`));
  if (present.length > 0) {
    for (const c of present) {
      const lower = c.toLowerCase();
      // The class body ends at the first line that is a lone `}`.
      glue = glue.replace(new RegExp(`export class ${c} \\{\\n[\\s\\S]*?\\n\\}\\n`), "");
      glue = glue.replace(`if (Symbol.dispose) ${c}.prototype[Symbol.dispose] = ${c}.prototype.free;\n`, "");
      glue = glue.replace(
        new RegExp(`const ${c}Finalization = \\(typeof FinalizationRegistry === 'undefined'\\)\\n.*\\n.*__wbg_${lower}_free.*\\n`),
        "",
      );
      if (glue.includes(c)) throw new Error(`post-build: ${c} is still in the glue; the wasm-bindgen output changed shape`);
      execFileSync(wasmOpt, [
        ...FEATURES,
        "--remove-exports", `--pass-arg=remove-exports@*${lower}*`,
        "--remove-unused-module-elements",
        wasmPath, "-o", wasmPath,
      ], { stdio: "inherit" });
    }
    const after = await readFile(wasmPath);
    const exported = new Set(WebAssembly.Module.exports(new WebAssembly.Module(after)).map((e) => e.name));
    const called = new Set([...glue.matchAll(/\bwasm\.([A-Za-z0-9_$]+)/g)].map((m) => m[1]));
    const missing = [...called].filter((n) => !exported.has(n));
    if (missing.length > 0) throw new Error(`post-build: the glue calls ${missing.join(", ")}, no longer exported`);
    await writeFile(gluePath, glue);
    page = page.replaceAll(`integrity="${sri(original)}"`, `integrity="${sri(glue)}"`);
    page = page.replaceAll(`integrity="${sri(before)}"`, `integrity="${sri(after)}"`);
    console.log(`post-build: dropped ${present.join(", ")}: wasm ${before.length} -> ${after.length} B`);
  }
}

// The wizard's stylesheet is copied as written (comments, indentation):
// minified here. A test holds the browser's reading of both texts equal.
const css = join(dir, "wizard.css");
if (names.includes("wizard.css")) await writeFile(css, minifyCss(await readFile(css, "utf8")));

for (const name of names) {
  if (!name.endsWith(".js")) continue;
  const path = join(dir, name);
  const code = await readFile(path, "utf8");
  // The glue and the API are ES modules; keep exported names, and class
  // and function names the custom element and stack traces show.
  const out = await minify(code, { module: true, compress: { passes: 2 }, mangle: true, keep_classnames: true, keep_fnames: true });
  await writeFile(path, out.code);
  page = page.replaceAll(`integrity="${sri(code)}"`, `integrity="${sri(out.code)}"`);
}
await writeFile(html, page);

/** Comments dropped, white space collapsed, and none kept around `{ } ; , >`
 * or before a `}`; quoted strings are copied untouched. */
function minifyCss(text) {
  const parts = [];
  let plain = "";
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
      plain += " ";
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === "\\" ? 2 : 1;
      parts.push(squeeze(plain), text.slice(i, j + 1));
      plain = "";
      i = j + 1;
    } else {
      plain += c;
      i += 1;
    }
  }
  parts.push(squeeze(plain));
  return parts.join("").trim();
}

function squeeze(css) {
  return css.replace(/\s+/g, " ").replace(/ ?([{};,>]) ?/g, "$1").replace(/;}/g, "}");
}
