// The built site must never reach a CDN. duckdb-wasm's browser bundle ships `getJsDelivrBundles()`,
// which builds jsDelivr URLs; we never call it, but a future caller (or a library default) could.
// After the build every CDN base URL in the bundles is rewritten to a same-site path that does not
// exist, so such a call fails locally instead of sending a request (and personal data) elsewhere.

/** CDN hosts whose URLs must not appear in the built site. */
export const CDN_HOSTS = ["cdn.jsdelivr.net", "unpkg.com", "esm.sh", "cdnjs.cloudflare.com", "fonts.googleapis.com", "fonts.gstatic.com"] as const;

/** Where rewritten CDN URLs point: a path on this site that is never served. */
export const DISABLED_CDN_PATH = "/_cdn-disabled/";

const CDN_URL = new RegExp(`(?:https?:)?//(?:${CDN_HOSTS.map((h) => h.replaceAll(".", "\\.")).join("|")})/(?:npm/)?`, "g");

/** The text with every CDN base URL replaced; `count` says how many were replaced. */
export function disableCdnUrls(text: string): { text: string; count: number } {
  let count = 0;
  const replaced = text.replace(CDN_URL, () => {
    count++;
    return DISABLED_CDN_PATH;
  });
  return { text: replaced, count };
}

/** CDN hosts still named in a text (should be none after disableCdnUrls). */
export function cdnHostsIn(text: string): string[] {
  return CDN_HOSTS.filter((host) => text.includes(host));
}
