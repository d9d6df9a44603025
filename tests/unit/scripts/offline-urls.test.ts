import { describe, expect, it } from "vitest";
import { DISABLED_CDN_PATH, cdnHostsIn, disableCdnUrls } from "../../../scripts/offline.js";

describe("CDN URLs in built bundles", () => {
  it("rewrites duckdb-wasm's jsDelivr base URL to a local path that is never served", () => {
    const bundle = 'function he(){let e="https://cdn.jsdelivr.net/npm/".concat(U,"@").concat(k,"/dist/");return e}';
    const { text, count } = disableCdnUrls(bundle);
    expect(count).toBe(1);
    expect(text).toBe(`function he(){let e="${DISABLED_CDN_PATH}".concat(U,"@").concat(k,"/dist/");return e}`);
    expect(cdnHostsIn(text)).toEqual([]);
  });

  it("catches other CDNs and protocol-relative URLs, and leaves other URLs alone", () => {
    const source = `a="//unpkg.com/x";b="https://esm.sh/y";c="https://fonts.googleapis.com/css2";d="https://vega.github.io/schema/vega-lite/v6.json"`;
    const { text, count } = disableCdnUrls(source);
    expect(count).toBe(3);
    expect(cdnHostsIn(text)).toEqual([]);
    expect(text).toContain("https://vega.github.io/schema/vega-lite/v6.json");
  });

  it("names the CDN hosts a text still contains", () => {
    expect(cdnHostsIn("see cdn.jsdelivr.net and unpkg.com")).toEqual(["cdn.jsdelivr.net", "unpkg.com"]);
  });
});
