// The /periksa workspace: open lists (picker or drop), label each with programme and funder, read
// them with the shared registry rules in chunks, match in the page's DuckDB, show and export the
// results. Everything stays in this tab's memory: no request carries file content, nothing is
// written to storage, closing the tab forgets it all. This module wires the pieces: the lists and
// their labels (lists.ts, list-cards.ts), the reading (read-list.ts), the matching (match.ts) and
// the results (results.ts, results-view.ts, export.ts).
import type ExcelJS from "exceljs";
import type { Database } from "../core/database.js";
import { formatNumber } from "../core/format.js";
import { el } from "../core/ui.js";
import { makeColumnResolver } from "../domain/registry-rules/columns.js";
import { RegionIndex, type Region } from "../domain/registry-rules/region-index.js";
import type { OverlapRuleRow, ProgrammeRow, RegionRow } from "./queries.js";
import { DEFAULT_THRESHOLD, loadPeople, matchPairs } from "./match.js";
import { ListFileError, MAX_FILE_BYTES, MAX_ROWS, readList } from "./read-list.js";
import { buildResults } from "./results.js";
import { listInputs, notReady, openedList, type OpenedList } from "./lists.js";
import { renderCard } from "./list-cards.js";
import { checkResults } from "./results-view.js";
import type { CheckRun } from "./export.js";

export const PRIVACY_SENTENCE =
  "Berkas yang Anda buka diperiksa seluruhnya di peramban ini: isinya tidak dikirim ke mana pun, tidak disimpan, dan hilang saat tab ini ditutup.";

export interface PeriksaReference {
  readonly db: Database;
  readonly programmes: readonly ProgrammeRow[];
  readonly rules: readonly OverlapRuleRow[];
  readonly regions: readonly RegionRow[];
  /** Date of the reference tables (programmes, overlap_rules) as shown in sources. */
  readonly rulesSource: string;
}

let exceljs: Promise<typeof ExcelJS> | null = null;
/** exceljs's browser bundle, loaded on this page only (started once the page is ready, so opening a file needs no request). */
export function loadExcel(): Promise<typeof ExcelJS> {
  exceljs ??= import("exceljs/dist/exceljs.min.js").then((m) => m.default);
  return exceljs;
}

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function periksaApp(ref: PeriksaReference): HTMLElement {
  const resolver = makeColumnResolver();
  const regionIndex = new RegionIndex(ref.regions.map((r): Region => ({ kode: r.kode, nama: r.nama, level: r.level as Region["level"], parent: r.parent_kode })));
  const lists: OpenedList[] = [];
  const cardOf = new Map<OpenedList, HTMLElement>();
  let nextId = 0;
  /** The last check, kept for a new threshold and for the exports. */
  let run: CheckRun | null = null;

  const input = el("input", { type: "file", multiple: "", accept: ".csv,.txt,.tsv,.xlsx", id: "ps-files", "data-testid": "file-input" });
  const drop = el(
    "label",
    { class: "ps-drop", for: "ps-files", "data-testid": "drop-zone" },
    el("strong", {}, "Pilih berkas CSV atau XLSX"),
    " atau seret ke sini. ",
    el("span", { class: "ts-muted" }, `Paling besar ${formatNumber(MAX_FILE_BYTES / 1024 / 1024)} MB dan ${formatNumber(MAX_ROWS)} baris per berkas.`)
  );
  const cards = el("div", { class: "ps-cards", "data-testid": "lists" });
  const threshold = el("input", { type: "range", min: "0.80", max: "1", step: "0.01", value: String(DEFAULT_THRESHOLD), id: "ps-threshold", "data-testid": "threshold" });
  const thresholdValue = el("output", { for: "ps-threshold" }, formatNumber(DEFAULT_THRESHOLD, 2));
  const runButton = el("button", { type: "button", class: "ps-run", "data-testid": "run", disabled: "" }, "Periksa daftar");
  const hint = el("p", { class: "ts-muted", "data-testid": "hint" }, "Buka paling sedikit dua berkas dan beri label program untuk masing-masing.");
  const progress = el("div", { class: "ps-progress", role: "status", "aria-live": "polite", "data-testid": "progress" });
  const output = el("div", { "data-testid": "results" });

  const setProgress = (text: string, fraction: number | null) => {
    progress.replaceChildren(el("span", {}, text), fraction === null ? el("span") : el("progress", { max: "1", value: String(fraction) }));
  };
  const refreshRun = () => {
    const why = notReady(lists);
    runButton.disabled = why !== null;
    hint.textContent = why ?? "Siap diperiksa.";
  };
  const cardActions = {
    changed: refreshRun,
    close(list: OpenedList) {
      lists.splice(lists.indexOf(list), 1);
      cardOf.get(list)?.remove();
      cardOf.delete(list);
      refreshRun();
    }
  };
  const draw = (list: OpenedList) => renderCard(cardOf.get(list)!, list, ref.programmes, cardActions);

  const addFiles = async (files: readonly File[]) => {
    const added = files.map((file) => {
      const list = openedList(nextId++, file, ref.programmes);
      lists.push(list);
      cardOf.set(list, el("div", { class: "ps-card", "data-testid": "list-card", "data-file": file.name }));
      cards.append(cardOf.get(list)!);
      draw(list);
      return { list, file };
    });
    refreshRun();
    for (const { list, file } of added) {
      try {
        setProgress(`Membaca ${file.name}…`, 0);
        const bytes = new Uint8Array(await file.arrayBuffer());
        list.reading = await readList(file.name, bytes, {
          resolver,
          regions: regionIndex,
          bantenKabKota: regionIndex.bantenKabKota,
          loadExcel,
          pause: async (rows) => {
            setProgress(`Membaca ${file.name}: ${formatNumber(rows)} baris…`, null);
            await nextFrame();
          }
        });
        list.status = "ready";
      } catch (error) {
        list.status = "failed";
        list.error = error instanceof ListFileError ? error.message : `Berkas ${file.name} tidak dapat dibaca.`;
        if (!(error instanceof ListFileError)) console.warn(error);
      }
      draw(list);
    }
    setProgress("", null);
    refreshRun();
  };

  input.addEventListener("change", () => {
    const files = [...(input.files ?? [])];
    input.value = "";
    void addFiles(files);
  });
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("ps-over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("ps-over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("ps-over");
    void addFiles([...(event.dataTransfer?.files ?? [])]);
  });

  /** Matches the loaded people at the threshold and shows the results. */
  const rematch = async (inputs: CheckRun["inputs"]) => {
    const value = Number(threshold.value);
    const pairs = await matchPairs(ref.db, value);
    run = { results: buildResults(inputs, pairs, ref.rules), inputs, threshold: value, checkedAt: new Date(), rulesSource: ref.rulesSource };
    const readings = lists.filter((l) => l.status === "ready").map((l) => l.reading!);
    output.replaceChildren(...checkResults(run, readings));
  };

  const check = async () => {
    runButton.disabled = true;
    try {
      const inputs = listInputs(lists, ref.programmes);
      setProgress("Mencocokkan NIK dan nama + alamat…", null);
      await nextFrame();
      await loadPeople(ref.db, inputs);
      await rematch(inputs);
    } catch (error) {
      console.warn(error);
      output.replaceChildren(el("div", { class: "ts-error", role: "alert" }, "Pencocokan gagal dijalankan di peramban ini. Muat ulang halaman dan coba lagi."));
    } finally {
      setProgress("", null);
      refreshRun();
    }
  };

  threshold.addEventListener("input", () => {
    thresholdValue.textContent = formatNumber(Number(threshold.value), 2);
  });
  threshold.addEventListener("change", () => {
    if (run) void rematch(run.inputs).catch((error) => console.warn(error));
  });
  runButton.addEventListener("click", () => void check());

  void loadExcel().catch(() => (exceljs = null));

  return el(
    "div",
    { class: "ps-app" },
    el("p", { class: "ps-privacy", "data-testid": "privacy" }, PRIVACY_SENTENCE),
    drop,
    input,
    cards,
    el(
      "div",
      { class: "ps-controls" },
      el("label", { for: "ps-threshold" }, "Ambang kemiripan nama dan alamat (Jaro-Winkler) "),
      threshold,
      " ",
      thresholdValue,
      el("p", { class: "ts-muted" }, "Makin tinggi, makin ketat: 1,00 hanya menerima ejaan yang sama persis setelah dinormalkan. NIK yang sama selalu dicocokkan.")
    ),
    el("div", { class: "ps-actions" }, runButton, hint),
    progress,
    output
  );
}
