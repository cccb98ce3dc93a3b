/** A finding of the re-check (the same shape as in the filing package). */
export interface Finding {
  rule: string;
  key: string;
  severity: "error" | "warning" | "info";
  interpretation: boolean;
  path: string;
  message: { "zh-CN": string; en: string };
  clause: { "zh-CN": string; en: string };
  params: Record<string, string>;
}

/** A package judged: exit 0 ready, 1 blocked. */
export interface Judged {
  ok: true;
  exit: 0 | 1;
  ready: boolean;
  profile: "shandong" | "liaocheng";
  route: "D-own" | "D-join" | "A" | "J-mall" | "J-voluntary";
  rules_version: string;
  /** False when the browser recorded other findings (a day passed, other thresholds). */
  findings_match_package: boolean;
  findings: Finding[];
}

/** A package not judged (exit 2), with a stable code. */
export interface Refused {
  ok: false;
  exit: 2;
  code: string;
  /** In the requested language. */
  error: string;
  message: { "zh-CN": string; en: string };
}

export interface CheckOptions {
  /** Language of `error` in a refusal (default zh-CN). */
  lang?: "zh-CN" | "en";
  /** The profile this portal files under: another one is refused. */
  profile?: "shandong" | "liaocheng" | (string & {});
  /** The portal's own profile file (schema/profile-v1.schema.json), as for `filing-check --profile-file`. */
  profileData?: Record<string, unknown>;
  /** The portal's thresholds, as for `filing-check --params`. */
  params?: Record<string, unknown>;
}

/** Judge a package as `filing-check --json` does. Never throws on bad input. */
export function check(pkg: string | Uint8Array | ArrayBuffer, options?: CheckOptions): Judged | Refused;
