// In-process re-check of a filing package for Node.js portal servers:
// the rules of filing-check, compiled to WebAssembly.
//
//   const { check } = require("procurement-filing-check");
//   const result = check(packageText, { lang: "en", profile: "liaocheng" });
//   if (result.exit === 0) store(packageText);
//
// The result is the object `filing-check --json` prints. check() never
// throws on bad input: a package it cannot judge gives { ok: false, exit: 2,
// code, error, message: { "zh-CN", en } }.
"use strict";
const wasm = require("./procurement_filing_check.js");

const encoder = new TextEncoder();

function check(pkg, options = {}) {
  let bytes;
  if (typeof pkg === "string") bytes = encoder.encode(pkg);
  else if (pkg instanceof Uint8Array) bytes = pkg;
  else if (pkg instanceof ArrayBuffer) bytes = new Uint8Array(pkg);
  else return refusal("bad_input", "备案包应为字符串或字节", "the package must be a string or bytes");
  let opts;
  try {
    opts = JSON.stringify(options ?? {});
  } catch {
    return refusal("bad_options", "选项无法读取", "the options cannot be read as JSON");
  }
  return JSON.parse(wasm.checkJson(bytes, opts));
}

function refusal(code, zh, en) {
  return { code, error: en, exit: 2, message: { en, "zh-CN": zh }, ok: false };
}

module.exports = { check };
