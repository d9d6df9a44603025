// Classification of single BPS answers: errors arrive with HTTP 200, so the body decides.
import { describe, expect, it } from "vitest";
import { BpsApiError } from "../../../../loaders/bps/errors.js";
import { interpretResponse, isAuthMessage, parseMaxYears } from "../../../../loaders/bps/interpret.js";

function errorOf(run: () => unknown): BpsApiError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BpsApiError);
    return error as BpsApiError;
  }
  throw new Error("expected an error");
}

const json = (body: unknown) => JSON.stringify(body);

describe("parseMaxYears", () => {
  it("reads N from the documented message, whatever N is", () => {
    expect(parseMaxYears("The maximum allowed number of years for the 'th' parameter is 2. You provided 3.")).toBe(2);
    expect(parseMaxYears("The maximum allowed number of years for the 'th' parameter is 3. You provided 11.")).toBe(3);
    expect(parseMaxYears("'th' parameter is required and must be an integer")).toBeUndefined();
  });
});

describe("isAuthMessage", () => {
  it("recognises the refused-key message only", () => {
    expect(isAuthMessage("You are not Allowed to take this action. Please re-check your key")).toBe(true);
    expect(isAuthMessage("There is something wrong!")).toBe(false);
  });
});

describe("interpretResponse", () => {
  it("returns data for status OK", () => {
    const result = interpretResponse(200, "application/json", json({ status: "OK", "data-availability": "available", datacontent: {} }));
    expect(result.kind).toBe("data");
  });

  it("classifies HTTP 200 status Error by its message", () => {
    expect(errorOf(() => interpretResponse(200, "application/json", json({ status: "Error", message: "You are not Allowed to take this action. Please re-check your key" }))).kind).toBe("auth");
    const limit = errorOf(() =>
      interpretResponse(200, "application/json", json({ status: "Error", message: "The maximum allowed number of years for the 'th' parameter is 2. You provided 3." }))
    );
    expect(limit.kind).toBe("th-limit");
    expect(limit.maxYears).toBe(2);
    expect(limit.retryable).toBe(false);
    const other = errorOf(() => interpretResponse(200, "application/json", json({ status: "Error", message: "There is something wrong!" })));
    expect(other.kind).toBe("api");
    expect(other.message).toContain("There is something wrong!");
  });

  it("treats the no-data shapes as no data", () => {
    for (const body of [
      { status: "OK", "data-availability": "list-not-available", data: "" },
      { status: "OK", "data-availability": "not-available" },
      { status: "OK", "data-availability": "unavailable" },
      null
    ]) {
      expect(interpretResponse(200, "application/json", json(body)).kind).toBe("no-data");
    }
  });

  it("marks 5xx, HTML pages and 429 retryable, other 4xx and broken JSON not", () => {
    expect(errorOf(() => interpretResponse(502, "text/plain", "Bad Gateway"))).toMatchObject({ kind: "http", retryable: true });
    expect(errorOf(() => interpretResponse(403, "text/html", "<html>Perimeter WAF Block</html>"))).toMatchObject({ kind: "waf", retryable: true });
    expect(errorOf(() => interpretResponse(200, "", "<!DOCTYPE html><html></html>"))).toMatchObject({ kind: "waf", retryable: true });
    expect(errorOf(() => interpretResponse(429, "application/json", "{}"))).toMatchObject({ kind: "http", retryable: true });
    expect(errorOf(() => interpretResponse(404, "application/json", json({ message: "Unable to resolve the request" })))).toMatchObject({ kind: "http", retryable: false });
    expect(errorOf(() => interpretResponse(200, "application/json", "{\"status\":"))).toMatchObject({ kind: "malformed", retryable: false });
    expect(errorOf(() => interpretResponse(200, "application/json", "[1,2]"))).toMatchObject({ kind: "malformed" });
  });
});
