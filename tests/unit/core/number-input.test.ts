// @vitest-environment jsdom
// The number input tells what it understood before the value is used, and a refused text never
// reaches the page: typed key by key as a planner would.
import { afterEach, describe, expect, it, vi } from "vitest";
import { numberInput } from "../../../src/components/core/number-input.js";
import type { NumberFieldSpec } from "../../../src/components/core/number-read.js";

const BUDGET: NumberFieldSpec = { label: "Anggaran Kasemen", unit: "rupiah", bareScale: 1e6, min: 0, max: 1e13 };

function typeKeys(input: HTMLInputElement, text: string): void {
  for (const ch of text) {
    input.value += ch;
    input.dispatchEvent(new Event("input"));
  }
}

afterEach(() => vi.useRealTimers());

describe("number input", () => {
  it("shows the reading of every keystroke and passes only the settled, accepted value", () => {
    vi.useFakeTimers();
    const values: (number | undefined)[] = [];
    const box = numberInput({ spec: BUDGET, placeholder: 2.2e9, onValue: (v) => values.push(v) });
    expect(box.input.type).toBe("text");
    expect(box.input.placeholder).toBe("2.200");
    typeKeys(box.input, "4.200");
    expect(box.textContent).toContain("= Rp4,2 miliar");
    expect(values).toEqual([]); // nothing used while typing
    vi.advanceTimersByTime(40);
    expect(values).toEqual([4.2e9]);
  });

  it("refuses with a sentence and keeps the last accepted value", () => {
    vi.useFakeTimers();
    const values: (number | undefined)[] = [];
    const box = numberInput({ spec: BUDGET, value: 1e9, onValue: (v) => values.push(v) });
    expect(box.input.value).toBe("1.000");
    box.input.value = "";
    typeKeys(box.input, "-500");
    vi.advanceTimersByTime(40);
    expect(values).toEqual([]);
    expect(box.input.getAttribute("aria-invalid")).toBe("true");
    expect(box.textContent).toContain("tidak boleh negatif");
    box.input.value = "";
    typeKeys(box.input, "4.5");
    vi.advanceTimersByTime(40);
    expect(values).toEqual([]);
    expect(box.textContent).toContain("4,5");
    // Emptying the field returns to the model's default.
    box.input.value = "";
    box.input.dispatchEvent(new Event("input"));
    vi.advanceTimersByTime(40);
    expect(values).toEqual([undefined]);
    expect(box.input.hasAttribute("aria-invalid")).toBe(false);
  });
});
