// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { textWithCode } from "../../../src/components/core/ui.js";

describe("textWithCode", () => {
  it("turns backticked identifiers into <code> and keeps the rest as text, never HTML", () => {
    const host = document.createElement("p");
    host.append(...textWithCode("Estimasi survei (`kind` = `survey`) <b>x</b>"));
    expect(host.innerHTML).toBe("Estimasi survei (<code>kind</code> = <code>survey</code>) &lt;b&gt;x&lt;/b&gt;");
    expect(textWithCode("tanpa kode")).toEqual(["tanpa kode"]);
  });
});
