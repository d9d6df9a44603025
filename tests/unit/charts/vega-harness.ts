// Test helpers: validate a spec against the Vega-Lite JSON schema shipped in node_modules, compile
// it with vega-lite (collecting warnings), render it to SVG with vega in Node, and read the SVG's
// mark groups back.
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { ROOT } from "../../../loaders/lib/paths.js";

let validator: ValidateFunction | null = null;

/** Compiles the schema validator (a few seconds); call from beforeAll with a generous timeout. */
export function schemaValidator(): ValidateFunction {
  if (validator) return validator;
  const schema = JSON.parse(readFileSync(path.join(ROOT, "node_modules/vega-lite/build/vega-lite-schema.json"), "utf8")) as {
    $schema: string;
  };
  // The schema declares draft-07, which is Ajv's default draft. Formats ("color-hex", "uri") are
  // annotations we do not need to enforce; strict mode would reject the schema's own keywords.
  if (!schema.$schema.includes("draft-07")) throw new Error(`Unexpected schema draft: ${schema.$schema}`);
  validator = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
  return validator;
}

/** Schema errors (empty when valid). */
export function schemaErrors(spec: unknown): ErrorObject[] {
  const validate = schemaValidator();
  return validate(spec) ? [] : [...(validate.errors ?? [])];
}

/** Compile to Vega, returning the warnings vega-lite logged (and throwing on errors). */
export function compileSpec(spec: TopLevelSpec): { vg: vega.Spec; warnings: string[] } {
  const warnings: string[] = [];
  const base = vega.logger(vega.Warn);
  const logger: vega.LoggerInterface = {
    ...base,
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(" "));
      return logger;
    },
    error(...args: readonly unknown[]): never {
      throw new Error(args.map(String).join(" "));
    }
  };
  const { spec: vg } = compile(spec, { logger });
  return { vg, warnings };
}

/** Render in Node (no canvas: the "none" renderer, then the SVG string serializer). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const { vg } = compileSpec(spec);
  const view = new vega.View(vega.parse(vg), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export interface MarkGroup {
  /** Vega mark type from the class, e.g. "symbol", "line", "shape", "rect", "text", "rule", "area". */
  readonly type: string;
  /** Mark name, e.g. "observed_points_marks". */
  readonly name: string;
  /** Elements drawn directly inside the group (one per mark item; a line or area is one path). */
  readonly items: readonly { tag: string; attrs: string }[];
}

/**
 * The SVG's mark groups in document order. A small tag scanner (Vega's SVG output is well formed
 * and escapes attribute values), enough to count items and read their attributes.
 */
export function markGroups(svg: string): MarkGroup[] {
  const groups: MarkGroup[] = [];
  const stack: { group: MarkGroup | null }[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  for (const m of svg.matchAll(tag)) {
    const [, closing, name, attrs = "", selfClosing] = m;
    if (closing) {
      stack.pop();
      continue;
    }
    const parent = stack.at(-1)?.group ?? null;
    if (parent) (parent.items as { tag: string; attrs: string }[]).push({ tag: name!, attrs });
    let group: MarkGroup | null = null;
    const cls = /class="([^"]*)"/.exec(attrs)?.[1] ?? "";
    const markClass = /\bmark-(\w+)\b.*\brole-mark\b/.exec(cls);
    if (name === "g" && markClass) {
      const markName = cls.split(/\s+/).find((c) => c.endsWith("_marks")) ?? "";
      group = { type: markClass[1]!, name: markName, items: [] };
      groups.push(group);
    }
    if (!selfClosing) stack.push({ group });
  }
  return groups;
}

/** All groups of one mark name (a faceted chart has one per cell). */
export function groupsNamed(svg: string, name: string): MarkGroup[] {
  return markGroups(svg).filter((g) => g.name === `${name}_marks`);
}

/** Total items of one mark name across cells. */
export function countItems(svg: string, name: string): number {
  return groupsNamed(svg, name).reduce((n, g) => n + g.items.length, 0);
}

/** Text content of every <text> element, in document order. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => decodeEntities(m[1]!));
}

export function attr(attrs: string, name: string): string | null {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1] ?? null;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
