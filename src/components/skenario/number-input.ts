// The planner's number field as it behaves today (an <input type="number">: the browser reads the
// figure): typed figures reach the state after a short pause; a figure outside the field's range, or
// one the state refuses, marks the field invalid with its sentence and changes nothing. Every
// control of controls.ts gets its field here, so the workspace's Indonesian number reader
// (core/number-input.ts) replaces it in this one place.
import { formatDecimal } from "../core/format.js";
import { el } from "../core/ui.js";

export type NumberReading = { readonly ok: true; readonly value: number | undefined } | { readonly ok: false };

/** The field's text as a number within [min, max]; empty text is "no value" (back to the default). */
export function readNumber(text: string, min: number | null, max: number | null): NumberReading {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: undefined };
  const value = Number(trimmed);
  if (!Number.isFinite(value) || (min !== null && value < min) || (max !== null && value > max)) return { ok: false };
  return { ok: true, value };
}

/** Pause after the last key before the figure is used; recomputing is cheaper than the wait. */
export const INPUT_PAUSE_MS = 30;

export interface NumberFieldOptions {
  /** Attributes of the input: data hooks, min, max, step, disabled. */
  readonly attributes: Record<string, string>;
  /** The planner's value, if any. */
  readonly value: number | undefined;
  /** The default shown while the field is empty (null: none). */
  readonly placeholder: number | null;
  /** Called with each accepted figure (undefined when emptied); returns a refusal message to mark the field invalid. */
  readonly onValue: (value: number | undefined) => string | null | void;
}

function rangeText(input: HTMLInputElement): string {
  const [min, max] = [input.min, input.max].map((v) => (v === "" ? null : formatDecimal(Number(v), 3)));
  if (min !== null && max !== null) return `Isi angka dari ${min} sampai ${max}.`;
  if (min !== null) return `Isi angka paling kecil ${min}.`;
  return max !== null ? `Isi angka paling besar ${max}.` : "Isi angka.";
}

export function numberInput({ attributes, value, placeholder, onValue }: NumberFieldOptions): HTMLInputElement {
  const input = el("input", { type: "number", inputmode: "decimal", ...attributes });
  if (value !== undefined) input.value = String(value);
  if (placeholder !== null) input.placeholder = formatDecimal(placeholder, 3);
  // A refusal's sentence is the field's title (hover, screen readers) until a figure is accepted.
  const ownTitle = input.title;
  const invalid = (message: string | null) => {
    if (message === null) input.removeAttribute("aria-invalid");
    else input.setAttribute("aria-invalid", "true");
    const title = message || ownTitle;
    if (title) input.title = title;
    else input.removeAttribute("title");
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const reading = readNumber(input.value, input.min === "" ? null : Number(input.min), input.max === "" ? null : Number(input.max));
      if (!reading.ok) return invalid(rangeText(input));
      invalid(onValue(reading.value) || null);
    }, INPUT_PAUSE_MS);
  });
  return input;
}
