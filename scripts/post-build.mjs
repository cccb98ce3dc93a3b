// Trunk post-build hook, release only, in the staging folder:
// 1. Check that no dependency exports a JS class: Leptos always links
//    server_fn, whose wasm-streams exported three (stream sources and a
//    sink) that no client-side page reaches; crates/wasm-streams stands in
//    for it through `[patch.crates-io]`. Exports are roots no optimiser
//    removes, so a class reappearing (a new dependency, a lost patch) fails
//    the build here rather than adding kilobytes unseen.
// 2. Give the wasm's imports and exports short names, the same in the
//    glue, and drop the wasm's custom sections (scripts/wasm-trim.mjs).
// 3. Minify the JavaScript (the wasm-bindgen glue and the embedding API)
//    with terser: Trunk's own minifier cannot parse the glue's
//    `export default`. Source stays readable in src/js/; wizard.d.ts
//    documents the API.
// Trunk wrote sub-resource integrity hashes into index.html before this
// hook runs: each changed file's hash is replaced there too.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { minify } from "terser";
import { glueModule, trimBundle } from "./wasm-trim.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("run by Trunk: TRUNK_STAGING_DIR is not set");
if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");
const html = join(dir, "index.html");
let page = await readFile(html, "utf8");
const names = await readdir(dir);

const glueName = names.find((n) => n.endsWith(".js") && names.includes(n.replace(/\.js$/, "_bg.wasm")));
if (glueName) {
  const classes = [...(await readFile(join(dir, glueName), "utf8")).matchAll(/^export class (\w+)/gm)].map((m) => m[1]);
  const expected = ["WizardHandle"];
  const unexpected = classes.filter((c) => !expected.includes(c));
  if (unexpected.length > 0) {
    throw new Error(`post-build: the wasm exports JS classes nothing uses: ${unexpected.join(", ")} (see crates/wasm-streams)`);
  }
}

if (glueName) {
  const wasmPath = join(dir, glueName.replace(/\.js$/, "_bg.wasm"));
  const gluePath = join(dir, glueName);
  const [wasm, glue] = [await readFile(wasmPath), await readFile(gluePath, "utf8")];
  const short = trimBundle(wasm, glue, glueModule(glueName));
  await writeFile(wasmPath, short.wasm);
  await writeFile(gluePath, short.glue);
  page = page.replaceAll(`integrity="${sri(wasm)}"`, `integrity="${sri(short.wasm)}"`);
  page = page.replaceAll(`integrity="${sri(glue)}"`, `integrity="${sri(short.glue)}"`);
}

// The wizard's stylesheet is copied as written (comments, indentation):
// minified here. A test holds the browser's reading of both texts equal.
const css = join(dir, "wizard.css");
if (names.includes("wizard.css")) await writeFile(css, minifyCss(await readFile(css, "utf8")));

for (const name of names) {
  if (!name.endsWith(".js")) continue;
  const path = join(dir, name);
  const code = await readFile(path, "utf8");
  // The glue and the API are ES modules: exported names stay, and class
  // names (the custom element's, `WizardHandle`); the glue's own helpers
  // (`getDataViewMemory0`, … called hundreds of times) are mangled (0.2 KB).
  const out = await minify(code, { module: true, compress: { passes: 2 }, mangle: true, keep_classnames: true });
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
