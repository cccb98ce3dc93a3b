// A small static file server for dist/ (and examples/) on loopback, with
// the right MIME type for .wasm and an optional Content-Security-Policy.
// Usage: node scripts/static-server.mjs [--port N] [--root DIR] [--csp]
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const port = Number(opt("--port", "8080"));
const root = path.resolve(opt("--root", "dist"));
const csp = args.includes("--csp");
// --csp: the strictest policy the README promises works: nothing allowed
// by default, then exactly what the wizard needs (its scripts, the wasm
// compile and fetch, its stylesheet) and what the example pages add (their
// favicon, the iframe example's frame).
const STRICT = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
};

const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  let file = path.join(root, decodeURIComponent(url.pathname));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
  fs.readFile(file, (err, body) => {
    if (err) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const headers = { "content-type": types[path.extname(file)] || "application/octet-stream", "cache-control": "no-store" };
    if (csp) headers["content-security-policy"] = STRICT;
    // The framed wizard may be framed by its own origin's pages only: it
    // posts filings to its parent (examples/iframe-child.js pins the same).
    else if (path.basename(file) === "iframe-child.html") headers["content-security-policy"] = "frame-ancestors 'self'";
    res.writeHead(200, headers).end(body);
  });
});
server.listen(port, "127.0.0.1", () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}/`);
});
