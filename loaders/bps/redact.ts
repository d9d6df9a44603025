// Keeps the API key out of every string that may reach a log, an error, or a file.

export const REDACTED = "[kunci-disembunyikan]";

/** `text` with every occurrence of the secret (raw or URL-encoded) replaced. */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret) return text;
  let out = text;
  for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join(REDACTED);
  return out;
}
