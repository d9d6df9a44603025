// The lists opened on /periksa and what they are labelled, without the DOM: the label guessed for a
// new file, the funder that follows a programme, whether the lists can be checked (and if not, the
// one sentence saying what is missing), and the inputs of a check.
import { guessProgramme, TARGET } from "./labels.js";
import type { ProgrammeRow } from "./queries.js";
import type { ListReading } from "./read-list.js";
import { TARGET_LABEL, type ListInput } from "./results.js";

/** The funder of a list that is not a programme list (the target list), or not yet chosen. */
export const NO_FUNDER = "-";

export type ListStatus = "reading" | "ready" | "failed";

export interface OpenedList {
  readonly id: number;
  readonly file: File | { readonly name: string };
  /** Programme code, TARGET for the target list, "" while unlabelled. */
  programme: string;
  funder: string;
  status: ListStatus;
  reading: ListReading | null;
  /** The sentence shown for a file that could not be read. */
  error: string | null;
}

/** The funder that goes with a programme label: the catalogue's, none for the target list, else the current one. */
export function funderFor(programme: string, programmes: readonly ProgrammeRow[], current: string): string {
  if (programme === TARGET) return NO_FUNDER;
  return programmes.find((p) => p.code === programme)?.funder ?? current;
}

/** A new list, labelled from its file name. */
export function openedList(id: number, file: OpenedList["file"], programmes: readonly ProgrammeRow[]): OpenedList {
  const programme = guessProgramme(file.name, programmes);
  return { id, file, programme, funder: funderFor(programme, programmes, NO_FUNDER), status: "reading", reading: null, error: null };
}

/** Null when the lists can be checked, else what is missing, in one Indonesian sentence. */
export function notReady(lists: readonly OpenedList[]): string | null {
  const usable = lists.filter((l) => l.status === "ready");
  const unlabelled = usable.filter((l) => l.programme === "");
  if (lists.some((l) => l.status === "reading")) return "Berkas sedang dibaca…";
  if (usable.length < 2) return "Buka paling sedikit dua berkas yang dapat dibaca.";
  if (unlabelled.length > 0) return `Pilih program untuk ${unlabelled.map((l) => l.file.name).join(", ")}.`;
  if (usable.every((l) => l.programme === TARGET)) return "Paling sedikit satu berkas harus daftar penerima program.";
  return null;
}

/** What a check reads: every list that was read, with its programme's name and funder. */
export function listInputs(lists: readonly OpenedList[], programmes: readonly ProgrammeRow[]): ListInput[] {
  return lists
    .filter((l) => l.status === "ready")
    .map((l) => {
      const programme = l.programme === TARGET ? null : l.programme;
      const name = programme === null ? TARGET_LABEL : (programmes.find((p) => p.code === programme)?.name ?? programme);
      return { fileName: l.file.name, programme, programmeName: name, funder: programme === null ? NO_FUNDER : l.funder, people: l.reading!.people, issues: l.reading!.issues };
    });
}
