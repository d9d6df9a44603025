// One card per opened list on /periksa: its name, the programme and funder pickers, and what
// reading it gave (rows read, accepted, rejected, or why it could not be read).
import { formatNumber } from "../core/format.js";
import { el } from "../core/ui.js";
import { FUNDERS, FUNDER_LABEL, funderLabel } from "../domain/programmes.js";
import { TARGET } from "./labels.js";
import { NO_FUNDER, funderFor, type OpenedList } from "./lists.js";
import type { ProgrammeRow } from "./queries.js";
import { TARGET_LABEL } from "./results.js";

export interface CardActions {
  /** A label changed: the run button may become usable. */
  changed(): void;
  close(list: OpenedList): void;
}

function programmeSelect(list: OpenedList, programmes: readonly ProgrammeRow[]): HTMLSelectElement {
  const select = el("select", { "data-testid": "programme", "aria-label": `Program untuk ${list.file.name}` });
  select.append(el("option", { value: "" }, "— pilih program —"), el("option", { value: TARGET }, TARGET_LABEL));
  for (const p of programmes) select.append(el("option", { value: p.code }, `${p.name} (${funderLabel(p.funder)})`));
  select.value = list.programme;
  return select;
}

function funderSelect(list: OpenedList): HTMLSelectElement {
  const select = el("select", { "data-testid": "funder", "aria-label": `Penyandang dana untuk ${list.file.name}` });
  select.append(el("option", { value: NO_FUNDER }, "—"), ...FUNDERS.map((f) => el("option", { value: f }, FUNDER_LABEL[f])));
  select.value = list.funder;
  return select;
}

function readingStatus(list: OpenedList): HTMLElement {
  if (list.status === "reading") return el("p", { class: "ts-muted", "data-testid": "list-status" }, "Sedang dibaca…");
  if (list.status === "failed") return el("p", { class: "ts-error", role: "alert", "data-testid": "list-error" }, list.error ?? "");
  const r = list.reading!;
  return el(
    "p",
    { "data-testid": "list-status", "data-rows": String(r.rows), "data-accepted": String(r.accepted), "data-rejected": String(r.rejected) },
    `${r.format === "xlsx" ? `XLSX, lembar "${r.sheet}"` : "CSV"}, judul kolom di baris ${formatNumber(r.headerLine)}: ${formatNumber(r.rows)} baris dibaca · ${formatNumber(r.accepted)} diterima · ${formatNumber(r.rejected)} ditolak.`
  );
}

/** Draws (or redraws) a list's card into `card`. */
export function renderCard(card: HTMLElement, list: OpenedList, programmes: readonly ProgrammeRow[], actions: CardActions): void {
  const programme = programmeSelect(list, programmes);
  const funder = funderSelect(list);
  funder.disabled = list.programme === TARGET;
  programme.addEventListener("change", () => {
    list.programme = programme.value;
    list.funder = funderFor(list.programme, programmes, list.funder);
    renderCard(card, list, programmes, actions);
    actions.changed();
  });
  funder.addEventListener("change", () => {
    list.funder = funder.value;
    actions.changed();
  });
  const remove = el("button", { type: "button", class: "ps-remove", "aria-label": `Tutup ${list.file.name}` }, "Tutup");
  remove.addEventListener("click", () => actions.close(list));
  card.replaceChildren(
    el("div", { class: "ps-card-head" }, el("strong", { class: "ps-name" }, list.file.name), remove),
    el("div", { class: "ps-labels" }, el("label", {}, "Program ", programme), el("label", {}, "Penyandang dana ", funder)),
    readingStatus(list)
  );
}
