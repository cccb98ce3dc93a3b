// What the browser never reads, trimmed from a wasm-bindgen bundle (the
// post-build hook's step 2). Import names: wasm-bindgen names each import
// after its JS function plus 16 hex digits of hash
// (`__wbg_createElement_de4a31ed2fb252be`) and every import's module after
// the glue file: about 9 KB of names in the wasm and 5 KB in the glue, the
// hashes incompressible, written in both files.
// Renamed here to `a`, `b`, … in the wasm's import section and, the same,
// as the keys of the glue's imports object; the module to `m`. A key for
// an import wasm-opt removed (its callers were dead) stays as it is.
//
// Exports the same way (the glue reads them as `wasm.<name>`; the JS API's
// names are the glue's own and do not change). Custom sections (producers,
// target features, wasm-split's marker) go: no browser reads them.
//
// Each old name must occur exactly once in the glue (as its key): anything
// else throws, so a wasm-bindgen whose glue reads differently fails the
// build instead of shipping a wizard that cannot instantiate.

const MODULE = "m";

/** The glue's import module as wasm-bindgen names it: `./<stem>_bg.js`. */
export function glueModule(glueFile) {
  return `./${glueFile.replace(/\.js$/, "")}_bg.js`;
}

/** `a` … `z`, `A` … `Z`, then two letters: JS identifiers, none reserved. */
function shortName(i) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  do {
    name = letters[i % letters.length] + name;
    i = Math.floor(i / letters.length) - 1;
  } while (i >= 0);
  return name;
}

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= bytes.length) throw new Error("wasm-trim: truncated LEB128");
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) return [value, at];
    if (shift > 35) throw new Error("wasm-trim: LEB128 too long");
  }
}

function u32(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return out;
}

function name(text) {
  const utf8 = Buffer.from(text, "utf8");
  return [...u32(utf8.length), ...utf8];
}

/** Where an import's description (after its kind byte) ends. */
function skipDescription(bytes, kind, at) {
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = readU32(bytes, p);
    if (flags & 1) [, p] = readU32(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return readU32(bytes, at)[1]; // function: type index
    case 1: return limits(at + 1); // table: element type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return readU32(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`wasm-trim: unknown import kind ${kind}`);
  }
}

/** The export section with every export renamed `a`, `b`, …; `rename`
 * hears each old and new name. */
function exportSection(bytes, start, end, rename) {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let [count, p] = readU32(bytes, start);
  const section = [...u32(count)];
  for (let i = 0; i < count; i++) {
    let len;
    [len, p] = readU32(bytes, p);
    const field = decoder.decode(bytes.subarray(p, p + len));
    p += len;
    const kind = bytes[p];
    const indexEnd = readU32(bytes, p + 1)[1];
    const short = shortName(i);
    rename(field, short);
    section.push(...name(short), ...bytes.subarray(p, indexEnd));
    p = indexEnd;
  }
  if (p !== end) throw new Error("wasm-trim: the export section did not end where it said");
  return Uint8Array.from([7, ...u32(section.length), ...section]);
}

/**
 * Rename the imports `glue` provides (module `module`) and the exports it
 * reads in `wasm` and in `glue` alike, and drop the wasm's custom sections. Returns `{ wasm, glue,
 * renamed }`; imports of any other module (inline JS snippets) keep their
 * names.
 */
export function trimBundle(wasm, glue, module) {
  const bytes = new Uint8Array(wasm);
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new Error("wasm-trim: not a wasm module");
  }
  const parts = [bytes.subarray(0, 8)];
  const exported = new Set();
  let renamed = 0;
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readU32(bytes, at + 1);
    const end = start + size;
    if (end > bytes.length) throw new Error("wasm-trim: section past the end");
    if (id === 0) {
      at = end;
      continue;
    }
    if (id === 7) {
      parts.push(exportSection(bytes, start, end, (field, short) => {
        exported.add(short);
        const access = new RegExp(`(?<![\\w$])wasm\\.${field.replace(/\$/g, "\\$")}(?![\\w$])`, "g");
        glue = glue.replace(access, `wasm.${short}`);
      }));
      at = end;
      continue;
    }
    if (id !== 2) {
      parts.push(bytes.subarray(at, end));
      at = end;
      continue;
    }
    let [count, p] = readU32(bytes, start);
    const section = [...u32(count)];
    const decoder = new TextDecoder("utf-8", { fatal: true });
    for (let i = 0; i < count; i++) {
      let len;
      [len, p] = readU32(bytes, p);
      const from = decoder.decode(bytes.subarray(p, p + len));
      p += len;
      [len, p] = readU32(bytes, p);
      const field = decoder.decode(bytes.subarray(p, p + len));
      p += len;
      const kind = bytes[p];
      const descEnd = skipDescription(bytes, kind, p + 1);
      const description = bytes.subarray(p, descEnd);
      p = descEnd;
      if (from !== module) {
        section.push(...name(from), ...name(field), ...description);
        continue;
      }
      const short = shortName(renamed++);
      const key = new RegExp(`(?<![\\w$])${field.replace(/\$/g, "\\$")}(?![\\w$])`, "g");
      const found = glue.match(key)?.length ?? 0;
      if (found !== 1) {
        throw new Error(`wasm-trim: the glue names the import ${field} ${found} times, not once`);
      }
      glue = glue.replace(key, short);
      section.push(...name(MODULE), ...name(short), ...description);
    }
    if (p !== end) throw new Error("wasm-trim: the import section did not end where it said");
    parts.push(Uint8Array.of(2, ...u32(section.length)), Uint8Array.from(section));
    at = end;
  }
  if (renamed > 0) {
    const literal = JSON.stringify(module);
    const count = glue.split(literal).length - 1;
    if (count !== 1) throw new Error(`wasm-trim: the glue names the module ${literal} ${count} times, not once`);
    glue = glue.replace(literal, JSON.stringify(MODULE));
  }
  // The glue reads exports as `wasm.<name>` only: any other name read there
  // would be an export renamed under it.
  if (exported.size > 0) {
    const read = [...glue.matchAll(/(?<![\w$])wasm\.([\w$]+)/g)].map((m) => m[1]);
    if (read.length === 0) throw new Error("wasm-trim: the glue reads no export as wasm.<name>");
    const unknown = read.filter((n) => !exported.has(n));
    if (unknown.length > 0) throw new Error(`wasm-trim: the glue reads exports the wasm does not have: ${[...new Set(unknown)].join(", ")}`);
  }
  return { wasm: Buffer.concat(parts), glue, renamed };
}
