// Settings from the environment, and the redaction every outgoing string passes through.
import { describe, expect, it } from "vitest";
import { DEFAULT_BASE_URL, readBpsConfig } from "../../../../loaders/bps/config.js";
import { cacheFileName } from "../../../../loaders/bps/raw-cache.js";
import { REDACTED, redactSecret } from "../../../../loaders/bps/redact.js";

describe("readBpsConfig", () => {
  it("has no key when BPS_API_KEY is unset or blank, and defaults the base URL", () => {
    expect(readBpsConfig({})).toEqual({ key: undefined, baseUrl: DEFAULT_BASE_URL });
    expect(readBpsConfig({ BPS_API_KEY: "  " }).key).toBeUndefined();
    expect(DEFAULT_BASE_URL).toBe("https://webapi.bps.go.id/v1/api/");
  });

  it("takes BPS_API_BASE and ends it with a slash", () => {
    expect(readBpsConfig({ BPS_API_KEY: "abc", BPS_API_BASE: "http://127.0.0.1:8080/v1/api" })).toEqual({ key: "abc", baseUrl: "http://127.0.0.1:8080/v1/api/" });
  });
});

describe("redactSecret and cache file names", () => {
  it("hides the key in raw and URL-encoded form", () => {
    expect(redactSecret("GET /list?key=a+b/c&x=a%2Bb%2Fc", "a+b/c")).toBe(`GET /list?key=${REDACTED}&x=${REDACTED}`);
    expect(redactSecret("nothing to hide", undefined)).toBe("nothing to hide");
  });

  it("names a cache file from the request without the key", () => {
    expect(cacheFileName({ model: "data", key: "rahasia", var: 621, domain: "0000", th: "123;124" })).toBe("data_domain-0000_th-123_124_var-621.json");
  });
});
