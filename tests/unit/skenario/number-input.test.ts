// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { INPUT_PAUSE_MS, numberInput, readNumber } from "../../../src/components/skenario/number-input.js";

describe("readNumber", () => {
  it("reads a figure within the field's range; empty text means the default", () => {
    expect(readNumber(" 1500 ", 0, null)).toEqual({ ok: true, value: 1500 });
    expect(readNumber("", 0, 10)).toEqual({ ok: true, value: undefined });
    expect(readNumber("0.7", 0.3, 1)).toEqual({ ok: true, value: 0.7 });
    expect(readNumber("1.2", 0.3, 1)).toEqual({ ok: false });
    expect(readNumber("-1", 0, null)).toEqual({ ok: false });
    expect(readNumber("abc", null, null)).toEqual({ ok: false });
  });
});

describe("numberInput", () => {
  afterEach(() => vi.useRealTimers());

  function typed(input: HTMLInputElement, text: string) {
    input.value = text;
    input.dispatchEvent(new Event("input"));
  }

  it("hands over the last figure after the pause, shows the default as placeholder, and marks refusals", () => {
    vi.useFakeTimers();
    const seen: (number | undefined)[] = [];
    let refuse: string | null = null;
    const input = numberInput({ attributes: { min: "0", max: "100" }, value: undefined, placeholder: 1234.5, onValue: (v) => (seen.push(v), refuse) });
    expect(input.placeholder).toBe("1.234,5");
    typed(input, "4");
    typed(input, "42");
    vi.advanceTimersByTime(INPUT_PAUSE_MS);
    expect(seen).toEqual([42]);
    typed(input, "420");
    vi.advanceTimersByTime(INPUT_PAUSE_MS);
    expect(seen).toEqual([42]); // out of range: not handed over
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.title).toBe("Isi angka dari 0 sampai 100.");
    refuse = "Anggaran terlalu besar.";
    typed(input, "50");
    vi.advanceTimersByTime(INPUT_PAUSE_MS);
    expect(input.title).toBe("Anggaran terlalu besar.");
    refuse = null;
    typed(input, "");
    vi.advanceTimersByTime(INPUT_PAUSE_MS);
    expect(seen).toEqual([42, 50, undefined]);
    expect(input.hasAttribute("aria-invalid")).toBe(false);
    expect(input.hasAttribute("title")).toBe(false);
  });
});
