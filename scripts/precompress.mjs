// Writes `.gz` (gzip level 9) and `.br` (brotli quality 11) beside every
// .wasm, .js and .css in a folder, so a portal's web server can serve them
// pre-compressed (nginx `gzip_static on;` / `brotli_static on;`).
// Usage: node scripts/precompress.mjs DIR
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const dir = process.argv[2];
for (const name of fs.readdirSync(dir)) {
  if (!/\.(wasm|js|css)$/.test(name)) continue;
  const file = path.join(dir, name);
  const body = fs.readFileSync(file);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
}
