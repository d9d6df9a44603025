// The one number input of the workspace: a text field (never type="number", which reads "4.200" as
// 4,2 in every browser) that reads Indonesian numbers, says next to the field what it understood
// ("= Rp4,2 miliar") before the value is used, and refuses with a sentence what it cannot read or
// what is out of range. Only accepted values reach `onValue`; a refused text changes nothing.
import { el } from "./ui.js";
import { readNumberField, typedText, type FieldReading, type NumberFieldSpec } from "./number-read.js";

export interface NumberInputOptions {
  readonly spec: NumberFieldSpec;
  /** Current value in the field's unit; undefined = empty (the model's default applies). */
  readonly value?: number;
  /** The default shown greyed in an empty field, in the field's unit. */
  readonly placeholder?: number | null;
  /** Attributes of the <input> (data-field, aria-label, …). */
  readonly attributes?: Record<string, string>;
  /** Called with an accepted value (undefined when the field is emptied), after `pauseMs` of no typing. */
  readonly onValue: (value: number | undefined) => void;
  readonly pauseMs?: number;
}

export type NumberInput = HTMLElement & {
  /** The <input> itself, for focus and tests. */
  readonly input: HTMLInputElement;
  /** The last reading of the text (what the echo shows). */
  readonly reading: FieldReading;
};

let counter = 0;

export function numberInput(options: NumberInputOptions): NumberInput {
  const { spec } = options;
  const id = `ts-num-${++counter}`;
  const input = el("input", { type: "text", inputmode: "decimal", autocomplete: "off", spellcheck: "false", "aria-describedby": `${id}-echo`, ...options.attributes });
  if (options.value !== undefined) input.value = typedText(options.value, spec);
  if (options.placeholder !== undefined && options.placeholder !== null) input.placeholder = typedText(options.placeholder, spec);
  const echo = el("span", { class: "ts-num-echo", id: `${id}-echo`, "aria-live": "polite" });
  const box = el("span", { class: "ts-num" }, input, echo) as unknown as NumberInput & { reading: FieldReading };
  Object.defineProperty(box, "input", { value: input });

  let reading: FieldReading = readNumberField(input.value, spec);
  Object.defineProperty(box, "reading", { get: () => reading });
  const show = () => {
    echo.classList.toggle("ts-num-refused", reading.status === "refused");
    if (reading.status === "refused") {
      input.setAttribute("aria-invalid", "true");
      echo.textContent = reading.message;
    } else {
      input.removeAttribute("aria-invalid");
      echo.textContent = reading.status === "ok" ? reading.echo : "";
    }
  };
  show();

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    reading = readNumberField(input.value, spec);
    show(); // what was understood is shown at once; the value is used after the pause
    clearTimeout(timer);
    if (reading.status === "refused") return;
    const accepted = reading.status === "ok" ? reading.value : undefined;
    timer = setTimeout(() => options.onValue(accepted), options.pauseMs ?? 30);
  });
  return box;
}
