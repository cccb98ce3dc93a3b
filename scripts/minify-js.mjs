// Trunk post-build hook: minify the release bundle's JavaScript (the
// wasm-bindgen glue and the embedding API) in the staging folder. Trunk's
// own minifier cannot parse the glue's `export default`; terser can.
// Source stays readable in src/js/; wizard.d.ts documents the API.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("run by Trunk: TRUNK_STAGING_DIR is not set");
if (process.env.TRUNK_PROFILE !== "release") process.exit(0);

// Trunk wrote sub-resource integrity hashes into index.html before this
// hook runs: each minified file's hash is replaced there too.
const sri = (text) => "sha384-" + createHash("sha384").update(text).digest("base64");
const html = join(dir, "index.html");
let page = await readFile(html, "utf8");

for (const name of await readdir(dir)) {
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
