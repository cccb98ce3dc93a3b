// Generates src/js/wizard.d.ts: the JS API's types, and the package types
// derived from schema/filing-package-v1.schema.json (itself generated from
// the Rust types), so TypeScript, the schema and Rust cannot drift.
// Usage: node scripts/gen-types.mjs [--check]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "schema/filing-package-v1.schema.json"), "utf8"));
const OUT = path.join(ROOT, "src/js/wizard.d.ts");

const doc = (d, indent = "") => (d ? `${indent}/** ${d.replace(/\*\//g, "*\\/").replace(/\n/g, `\n${indent} * `)} */\n` : "");
const key = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));

function type(s) {
  if (s.$ref) return s.$ref.replace("#/$defs/", "");
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.oneOf) return s.oneOf.map(type).join(" | ");
  if (s.anyOf) return s.anyOf.map(type).join(" | ");
  if (Array.isArray(s.type)) return s.type.map((t) => type({ ...s, type: t })).join(" | ");
  switch (s.type) {
    case "string": return "string";
    case "integer": case "number": return "number";
    case "boolean": return "boolean";
    case "null": return "null";
    case "array": return `Array<${type(s.items)}>`;
    case "object":
      if (s.properties) return object(s, "");
      if (s.additionalProperties && typeof s.additionalProperties === "object") return `Record<string, ${type(s.additionalProperties)}>`;
      return "Record<string, unknown>";
  }
  throw new Error(`unsupported schema: ${JSON.stringify(s)}`);
}

function object(s, indent) {
  const required = new Set(s.required ?? []);
  const lines = Object.keys(s.properties).sort().map((k) => {
    const p = s.properties[k];
    return `${doc(p.description, indent + "  ")}${indent}  ${key(k)}${required.has(k) ? "" : "?"}: ${type(p)};`;
  });
  return `{\n${lines.join("\n")}\n${indent}}`;
}

function declaration(name, s) {
  if (s.type === "object" && s.properties) return `${doc(s.description)}export interface ${name} ${object(s, "")}\n`;
  return `${doc(s.description)}export type ${name} = ${type(s)};\n`;
}

const API = `/** Load the wasm module once per page. \`base\`: the folder holding the bundle (default: this module's folder). */
export function init(options?: { base?: string | URL }): Promise<void>;

/** Mount a wizard into \`element\` (it gets a shadow root). Throws an Error naming a bad config field; nothing is mounted then. */
export function mount(element: HTMLElement, config?: WizardConfig): WizardHandle;

export interface WizardHandle {
  /** Remove the wizard: its DOM, its listeners and its state. */
  unmount(): void;
  /** The package for the answers so far (with findings and \`ready\`), or null before a route is chosen. */
  getPackage(): FilingPackage | null;
  /** Every finding for the answers so far. */
  validate(): Finding[];
  /** Switch language without losing answers. Throws on an unknown locale. */
  setLocale(locale: Locale): void;
  /** Tests only: panics as a bug would (the rescue saves the draft and shows why), when the config set \`crashTest: true\`; throws otherwise. */
  crashForTests(): void;
}

export type Locale = "zh-CN" | "en";

/** An agency of the directory: \`region\` is a division-code prefix (\`3715\`); \`role\` names the centre a choice on the agency page means. */
export interface AgencyEntry {
  name: string;
  level: "central" | "province" | "city" | "county";
  region: string;
  uscc?: string;
  role?: "provincial_centre" | "jinan_centre";
}

/** A shipped profile, or the id of a profile given as \`profileData\`. */
export type ProfileId = "shandong" | "liaocheng" | (string & {});

export interface WizardConfig {
  locale?: Locale;
  profile?: ProfileId;
  /** Another region's profile file (\`schema/profile-v1.schema.json\`), validated strictly; its \`id\` is the profile. */
  profileData?: Record<string, unknown> | string;
  /** The purchaser the portal already knows (any of its fields), and unit lists it knows: \`units\` (a department's subordinate units) and \`participants\` (the purchasers of a joint purchase). */
  prefill?: Partial<Purchaser> & { units?: Array<Partial<Omit<Party, "id">>>; participants?: Array<Partial<Omit<Party, "id">>> };
  /** Pre-filled fields the purchaser may not change. */
  locked?: Array<keyof Purchaser>;
  /** Storage namespace: 1–64 of A–Z a–z 0–9 - _ . : (portal, user, instance). */
  namespace?: string;
  /** Known centralized agencies: added to the shipped ones (an entry of the same name or role replaces it), or \`{ replace: true, entries }\`. */
  agencies?: AgencyEntry[] | { replace?: boolean; entries: AgencyEntry[] };
  /** Tests only: arm \`crashForTests()\`. */
  crashTest?: boolean;
  /** Override the shipped thresholds and parameters. */
  thresholds?: { many_units?: number; thresholds?: Threshold[] };
  /** CSS custom properties set on the host element, e.g. { "--prw-color-primary": "#005ea5" }. */
  theme?: Record<\`--prw-\${string}\`, string>;
  /** URL of wizard.css (default: beside this module). */
  stylesheet?: string;
  /** Iframe hosts: also post events to the parent, to this exact origin (never "*"). */
  postMessage?: { targetOrigin: string };
}

export interface Threshold {
  level: Level;
  object: Object;
  valid_from: string;
  valid_to?: string;
  public_tender_fen: number;
}

export interface WizardEventMap {
  "wizard:ready": CustomEvent<{ instance: string; locale: Locale; profile: ProfileId }>;
  "wizard:change": CustomEvent<{ step: string; route: RouteId | null }>;
  "wizard:draft-saved": CustomEvent<{ id: string; revision: number; savedAt: string }>;
  "wizard:submit": CustomEvent<FilingPackage>;
  "wizard:error": CustomEvent<{ message: string }>;
}

/** The custom element \`<procurement-route-wizard profile locale namespace>\`. */
export interface ProcurementRouteWizardElement extends HTMLElement {
  prefill: WizardConfig["prefill"];
  config: Omit<WizardConfig, "profile" | "locale" | "namespace" | "prefill">;
  getPackage(): FilingPackage | null;
  validate(): Finding[];
  setLocale(locale: Locale): void;
  addEventListener<K extends keyof WizardEventMap>(type: K, listener: (ev: WizardEventMap[K]) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "procurement-route-wizard": ProcurementRouteWizardElement;
  }
}
`;

let out = `// Generated by scripts/gen-types.mjs from schema/filing-package-v1.schema.json. Do not edit.\n\n${API}\n`;
out += `// ---- The filing package v1 (from the JSON Schema) ----\n\n`;
out += declaration("FilingPackage", { ...schema, $defs: undefined, $schema: undefined });
for (const name of Object.keys(schema.$defs).sort()) out += "\n" + declaration(name, schema.$defs[name]);

if (process.argv.includes("--check")) {
  const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, "utf8") : "";
  if (current !== out) {
    console.error("src/js/wizard.d.ts is stale: run `node scripts/gen-types.mjs`");
    process.exit(1);
  }
  console.log("wizard.d.ts matches the JSON Schema");
} else {
  fs.writeFileSync(OUT, out);
  console.log(`wrote ${path.relative(ROOT, OUT)}`);
}
