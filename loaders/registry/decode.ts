// Encoding detection is shared with the browser (src/components/domain/registry-rules/decode.ts); the
// loaders check UTF-8 with Node's isUtf8, which validates a 100 MB export without building a string.
import { isUtf8 } from "node:buffer";
import { detectEncoding as detectWith, type DetectedEncoding } from "../../src/components/domain/registry-rules/decode.js";

export * from "../../src/components/domain/registry-rules/decode.js";

export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  return detectWith(bytes, isUtf8);
}
