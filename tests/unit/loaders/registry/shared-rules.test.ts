// The registry rules under src/components/domain/registry-rules/ are bundled into the browser page
// /periksa: they may import nothing from Node or from loaders/, and their portable pieces must
// agree with the Node versions the loaders use.
import { isUtf8 } from "node:buffer";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../../../loaders/lib/paths.js";
import { detectEncoding, isValidUtf8 } from "../../../../src/components/domain/registry-rules/decode.js";
import { detach } from "../../../../src/components/domain/registry-rules/values.js";
import { checkIdentity as loaderCheck } from "../../../../src/components/domain/registry-rules/identity.js";
import { checkIdentity as sharedCheck } from "../../../../src/components/domain/registry-rules/identity.js";

const DIR = path.join(ROOT, "src/components/domain/registry-rules");

describe("shared registry rules", () => {
  it("import only each other and type-only exceljs, and use no Node globals", () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const text = readFileSync(path.join(DIR, file), "utf8");
      for (const match of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"([^"]+)";/gms)) {
        const [, typeOnly, specifier] = match;
        if (specifier === "exceljs") expect(typeOnly, `${file}: exceljs must be a type-only import`).toBeTruthy();
        else expect(specifier, file).toMatch(/^\.\/[a-z-]+\.js$/);
      }
      expect(text, file).not.toMatch(/\bBuffer\b|\bprocess\.|require\(/);
    }
  });

  it("checks UTF-8 exactly as Node's isUtf8 does", () => {
    const samples = [
      new TextEncoder().encode("NAMA;ALAMAT\nSÉLAMAT;JL. CONTOH"),
      Uint8Array.from([0x4e, 0x41, 0xc9, 0x4d, 0x41]), // "NAÉMA" in Windows-1252
      Uint8Array.from([0xe2, 0x82]), // truncated multi-byte sequence
      new Uint8Array(0)
    ];
    for (const bytes of samples) expect(isValidUtf8(bytes)).toBe(isUtf8(bytes));
    expect(detectEncoding(samples[1]!).encoding).toBe("windows-1252");
    expect(detectEncoding(samples[0]!).encoding).toBe("utf-8");
  });

  it("detach returns an equal string", () => {
    for (const text of ["", "Kel. Cipocok Jaya", "SÉLAMAT ✓"]) expect(detach(text)).toBe(text);
  });

  it("the loaders use the shared NIK check itself, not a copy", () => {
    expect(loaderCheck).toBe(sharedCheck);
  });
});
