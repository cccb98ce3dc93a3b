// Re-check a filing package on a Node.js portal server, in process, with
// the procurement-filing-check npm package (the rules compiled to wasm):
//
//   npm install ./procurement-filing-check-VERSION.tgz
//   node check-in-process.mjs package.json
//
// Prints the verdict and exits like filing-check: 0 ready, 1 blocked,
// 2 not judged.
import { readFileSync } from "node:fs";
import { check } from "procurement-filing-check";

const file = process.argv[2];
if (!file) {
  console.error("usage: node check-in-process.mjs PACKAGE.json");
  process.exit(2);
}
// In a server this is the request body, as received.
const result = check(readFileSync(file), { lang: "en", profile: process.env.PORTAL_PROFILE });
if (result.exit === 2) {
  console.log(`not judged (${result.code}): ${result.message.en}`);
} else {
  for (const f of result.findings) console.log(`${f.severity} [${f.rule}] ${f.message.en} (${f.path})`);
  console.log(result.ready ? "ready" : "blocked");
}
process.exit(result.exit);
