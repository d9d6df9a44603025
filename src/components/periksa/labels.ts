// How /periksa labels an opened file before the user says otherwise.
import type { ProgrammeRow } from "./queries.js";

/** The value of the "programme" choice that marks the target list (daftar sasaran). */
export const TARGET = "__sasaran__";

/** Guesses the label from the file name: "sasaran"/"p3ke"/"dtks"/"dtsen" → target list, else a programme code in the name, else "". */
export function guessProgramme(fileName: string, programmes: readonly Pick<ProgrammeRow, "code">[]): string {
  const name = fileName.toLowerCase().replace(/[^a-z0-9]+/g, "_");
  if (/(^|_)(sasaran|p3ke|dtks|dtsen)(_|$)/.test(name)) return TARGET;
  const longestFirst = [...programmes].sort((a, b) => b.code.length - a.code.length);
  const exact = longestFirst.find((p) => `_${name}_`.includes(`_${p.code}_`));
  if (exact) return exact.code;
  return longestFirst.find((p) => p.code.split("_").every((part) => name.includes(part)))?.code ?? "";
}
