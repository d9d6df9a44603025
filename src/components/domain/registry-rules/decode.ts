// Text encoding of exported CSV files: Dinsos exports arrive as UTF-8 (with or without BOM), as
// Windows-1252 from older Excel, or as UTF-16 from Excel's "Unicode text". Invalid UTF-8 means
// Windows-1252; the choice is reported, never silent. Shared by the loaders and /periksa.

export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DetectedEncoding {
  readonly encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip. */
  readonly bomLength: number;
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/** Portable UTF-8 check (the loaders pass Node's faster `isUtf8`, which builds no string). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    STRICT_UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function detectEncoding(bytes: Uint8Array, isUtf8: (bytes: Uint8Array) => boolean = isValidUtf8): DetectedEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8-bom", bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  return { encoding: isUtf8(bytes) ? "utf-8" : "windows-1252", bomLength: 0 };
}

function decoderLabel(encoding: TextEncodingName): string {
  return encoding === "utf-8-bom" ? "utf-8" : encoding;
}

/** Decodes in slices so a large file never becomes one giant string (V8 caps string length). */
export function* decodeInChunks(
  bytes: Uint8Array,
  detected: DetectedEncoding,
  chunkBytes = 4 * 1024 * 1024
): Generator<string> {
  // ignoreBOM: the BOM is skipped by offset, so a second BOM-like sequence stays visible.
  const decoder = new TextDecoder(decoderLabel(detected.encoding), { ignoreBOM: true });
  for (let start = detected.bomLength; start < bytes.length; start += chunkBytes) {
    const end = Math.min(bytes.length, start + chunkBytes);
    const text = decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length });
    if (text.length > 0) yield text;
  }
}

/** Decodes the first `maxBytes` only (for delimiter and header detection). */
export function decodeSample(bytes: Uint8Array, detected: DetectedEncoding, maxBytes = 256 * 1024): string {
  const decoder = new TextDecoder(decoderLabel(detected.encoding), { ignoreBOM: true });
  const end = Math.min(bytes.length, detected.bomLength + maxBytes);
  return decoder.decode(bytes.subarray(detected.bomLength, end), { stream: end < bytes.length });
}
