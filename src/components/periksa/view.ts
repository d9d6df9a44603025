// The /periksa workspace: open lists (picker or drop), label each with programme and funder, read
// them with the shared registry rules in chunks, match in the page's DuckDB, show and export the
// results. Everything stays in this tab's memory: no request carries file content, nothing is
// written to storage, closing the tab forgets it all.
import type ExcelJS from "exceljs";
import type { Database } from "../core/database.js";
import { downloadFile, exportFileName, toCsv, toXlsx, type ExportSheet, type ExportWorkbook } from "../core/export.js";
import { formatDate, formatNumber } from "../core/format.js";
import { el } from "../core/ui.js";
import { makeColumnResolver } from "../domain/registry-rules/columns.js";
import { RegionIndex, type Region } from "../domain/registry-rules/region-index.js";
import type { OverlapRuleRow, ProgrammeRow, RegionRow } from "./queries.js";
import { DEFAULT_THRESHOLD, loadPeople, matchPairs } from "./match.js";
import { ListFileError, MAX_FILE_BYTES, MAX_ROWS, readList, type ListReading } from "./read-list.js";
import { buildResults, TARGET_LABEL, type ListInput, type PeriksaResults } from "./results.js";
import { guessProgramme, TARGET } from "./labels.js";
import { resultSheets, type SheetKey } from "./sheets.js";
import { FUNDERS, FUNDER_LABEL } from "../domain/programmes.js";

export const PRIVACY_SENTENCE =
  "Berkas yang Anda buka diperiksa seluruhnya di peramban ini: isinya tidak dikirim ke mana pun, tidak disimpan, dan hilang saat tab ini ditutup.";

const SHOWN_ROWS = 200;

export interface PeriksaReference {
  readonly db: Database;
  readonly programmes: readonly ProgrammeRow[];
  readonly rules: readonly OverlapRuleRow[];
  readonly regions: readonly RegionRow[];
  /** Date of the reference tables (programmes, overlap_rules) as shown in sources. */
  readonly rulesSource: string;
}

interface OpenedList {
  readonly id: number;
  readonly file: File;
  programme: string;
  funder: string;
  status: "reading" | "ready" | "failed";
  reading: ListReading | null;
  error: string | null;
  readonly card: HTMLElement;
}

let exceljs: Promise<typeof ExcelJS> | null = null;
/** exceljs's browser bundle, loaded on this page only (started once the page is ready, so opening a file needs no request). */
export function loadExcel(): Promise<typeof ExcelJS> {
  exceljs ??= import("exceljs/dist/exceljs.min.js").then((m) => m.default);
  return exceljs;
}

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function table(columns: readonly { key: string; header: string; num?: boolean }[], rows: readonly Record<string, unknown>[], testid: string): HTMLElement {
  const head = el("tr", {}, ...columns.map((c) => el("th", c.num ? { class: "num", scope: "col" } : { scope: "col" }, c.header)));
  const body = el("tbody");
  for (const row of rows.slice(0, SHOWN_ROWS)) {
    body.append(
      el(
        "tr",
        {},
        ...columns.map((c) => {
          const value = row[c.key];
          const text = typeof value === "number" ? (Number.isInteger(value) ? formatNumber(value) : formatNumber(value, 3)) : typeof value === "boolean" ? (value ? "Ya" : "Tidak") : String(value ?? "");
          return el("td", c.num ? { class: "num" } : {}, text);
        })
      )
    );
  }
  const wrap = el("div", { class: "ps-scroll", "data-testid": testid, "data-rows": String(rows.length) }, el("table", { class: "ts-table" }, el("thead", {}, head), body));
  if (rows.length > SHOWN_ROWS) wrap.append(el("p", { class: "ts-muted" }, `Ditampilkan ${formatNumber(SHOWN_ROWS)} dari ${formatNumber(rows.length)} baris; semua baris ada di berkas ekspor.`));
  return wrap;
}

export function periksaApp(ref: PeriksaReference): HTMLElement {
  const resolver = makeColumnResolver();
  const regionIndex = new RegionIndex(ref.regions.map((r): Region => ({ kode: r.kode, nama: r.nama, level: r.level as Region["level"], parent: r.parent_kode })));
  const lists: OpenedList[] = [];
  let nextId = 0;
  let results: PeriksaResults | null = null;
  let matchedInputs: ListInput[] = [];
  let checkedAt = new Date();

  const input = el("input", { type: "file", multiple: "", accept: ".csv,.txt,.tsv,.xlsx", id: "ps-files", "data-testid": "file-input" }) as HTMLInputElement;
  const drop = el(
    "label",
    { class: "ps-drop", for: "ps-files", "data-testid": "drop-zone" },
    el("strong", {}, "Pilih berkas CSV atau XLSX"),
    " atau seret ke sini. ",
    el("span", { class: "ts-muted" }, `Paling besar ${formatNumber(MAX_FILE_BYTES / 1024 / 1024)} MB dan ${formatNumber(MAX_ROWS)} baris per berkas.`)
  );
  const cards = el("div", { class: "ps-cards", "data-testid": "lists" });
  const threshold = el("input", { type: "range", min: "0.80", max: "1", step: "0.01", value: String(DEFAULT_THRESHOLD), id: "ps-threshold", "data-testid": "threshold" }) as HTMLInputElement;
  const thresholdValue = el("output", { for: "ps-threshold" }, formatNumber(DEFAULT_THRESHOLD, 2));
  const run = el("button", { type: "button", class: "ps-run", "data-testid": "run", disabled: "" }, "Periksa daftar") as HTMLButtonElement;
  const hint = el("p", { class: "ts-muted", "data-testid": "hint" }, "Buka paling sedikit dua berkas dan beri label program untuk masing-masing.");
  const progress = el("div", { class: "ps-progress", role: "status", "aria-live": "polite", "data-testid": "progress" });
  const output = el("div", { "data-testid": "results" });

  const setProgress = (text: string, fraction: number | null) => {
    progress.replaceChildren(el("span", {}, text), fraction === null ? el("span") : el("progress", { max: "1", value: String(fraction) }));
  };

  const ready = () => lists.filter((l) => l.status === "ready");
  const refreshRun = () => {
    const usable = ready();
    const unlabelled = usable.filter((l) => l.programme === "");
    const programmeLists = usable.filter((l) => l.programme !== TARGET);
    const busy = lists.some((l) => l.status === "reading");
    let why = "";
    if (busy) why = "Berkas sedang dibaca…";
    else if (usable.length < 2) why = "Buka paling sedikit dua berkas yang dapat dibaca.";
    else if (unlabelled.length > 0) why = `Pilih program untuk ${unlabelled.map((l) => l.file.name).join(", ")}.`;
    else if (programmeLists.length < 1) why = "Paling sedikit satu berkas harus daftar penerima program.";
    run.disabled = why !== "";
    hint.textContent = why || "Siap diperiksa.";
  };

  const programmeSelect = (list: OpenedList) => {
    const select = el("select", { "data-testid": "programme", "aria-label": `Program untuk ${list.file.name}` }) as HTMLSelectElement;
    select.append(el("option", { value: "" }, "— pilih program —"), el("option", { value: TARGET }, TARGET_LABEL));
    for (const p of ref.programmes) select.append(el("option", { value: p.code }, `${p.name} (${p.funder})`));
    select.value = list.programme;
    return select;
  };
  const funderSelect = (list: OpenedList) => {
    const select = el("select", { "data-testid": "funder", "aria-label": `Penyandang dana untuk ${list.file.name}` }) as HTMLSelectElement;
    select.append(el("option", { value: "-" }, "—"), ...FUNDERS.map((f) => el("option", { value: f }, FUNDER_LABEL[f])));
    select.value = list.funder;
    return select;
  };

  const renderCard = (list: OpenedList) => {
    const programme = programmeSelect(list);
    const funder = funderSelect(list);
    funder.disabled = list.programme === TARGET;
    programme.addEventListener("change", () => {
      list.programme = programme.value;
      list.funder = list.programme === TARGET ? "-" : (ref.programmes.find((p) => p.code === list.programme)?.funder ?? list.funder);
      renderCard(list);
      refreshRun();
    });
    funder.addEventListener("change", () => {
      list.funder = funder.value;
      refreshRun();
    });
    const remove = el("button", { type: "button", class: "ps-remove", "aria-label": `Tutup ${list.file.name}` }, "Tutup");
    remove.addEventListener("click", () => {
      lists.splice(lists.indexOf(list), 1);
      list.card.remove();
      refreshRun();
    });
    let status: HTMLElement;
    if (list.status === "reading") status = el("p", { class: "ts-muted", "data-testid": "list-status" }, "Sedang dibaca…");
    else if (list.status === "failed") status = el("p", { class: "ts-error", role: "alert", "data-testid": "list-error" }, list.error ?? "");
    else {
      const r = list.reading!;
      status = el(
        "p",
        { "data-testid": "list-status", "data-rows": String(r.rows), "data-accepted": String(r.accepted), "data-rejected": String(r.rejected) },
        `${r.format === "xlsx" ? `XLSX, lembar "${r.sheet}"` : "CSV"}, judul kolom di baris ${formatNumber(r.headerLine)}: ${formatNumber(r.rows)} baris dibaca · ${formatNumber(r.accepted)} diterima · ${formatNumber(r.rejected)} ditolak.`
      );
    }
    list.card.replaceChildren(
      el("div", { class: "ps-card-head" }, el("strong", { class: "ps-name" }, list.file.name), remove),
      el("div", { class: "ps-labels" }, el("label", {}, "Program ", programme), el("label", {}, "Penyandang dana ", funder)),
      status
    );
  };

  const addFiles = async (files: readonly File[]) => {
    const added: OpenedList[] = [];
    for (const file of files) {
      const guessed = guessProgramme(file.name, ref.programmes);
      const list: OpenedList = {
        id: nextId++,
        file,
        programme: guessed,
        funder: guessed === TARGET ? "-" : (ref.programmes.find((p) => p.code === guessed)?.funder ?? "-"),
        status: "reading",
        reading: null,
        error: null,
        card: el("div", { class: "ps-card", "data-testid": "list-card", "data-file": file.name })
      };
      lists.push(list);
      added.push(list);
      cards.append(list.card);
      renderCard(list);
    }
    refreshRun();
    for (const list of added) {
      try {
        setProgress(`Membaca ${list.file.name}…`, 0);
        const bytes = new Uint8Array(await list.file.arrayBuffer());
        list.reading = await readList(list.file.name, bytes, {
          resolver,
          regions: regionIndex,
          bantenKabKota: regionIndex.bantenKabKota,
          loadExcel,
          pause: async (rows) => {
            setProgress(`Membaca ${list.file.name}: ${formatNumber(rows)} baris…`, null);
            await nextFrame();
          }
        });
        list.status = "ready";
      } catch (error) {
        list.status = "failed";
        list.error = error instanceof ListFileError ? error.message : `Berkas ${list.file.name} tidak dapat dibaca.`;
        if (!(error instanceof ListFileError)) console.warn(error);
      }
      renderCard(list);
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

  const inputs = (): ListInput[] =>
    ready().map((l) => {
      const programme = l.programme === TARGET ? null : l.programme;
      const name = programme === null ? TARGET_LABEL : (ref.programmes.find((p) => p.code === programme)?.name ?? programme);
      return { fileName: l.file.name, programme, programmeName: name, funder: programme === null ? "-" : l.funder, people: l.reading!.people, issues: l.reading!.issues };
    });

  const check = async () => {
    run.disabled = true;
    try {
      matchedInputs = inputs();
      setProgress("Mencocokkan NIK dan nama + alamat…", null);
      await nextFrame();
      await loadPeople(ref.db, matchedInputs);
      await rematch();
    } catch (error) {
      console.warn(error);
      output.replaceChildren(el("div", { class: "ts-error", role: "alert" }, "Pencocokan gagal dijalankan di peramban ini. Muat ulang halaman dan coba lagi."));
    } finally {
      setProgress("", null);
      refreshRun();
    }
  };

  const rematch = async () => {
    const value = Number(threshold.value);
    const pairs = await matchPairs(ref.db, value);
    results = buildResults(matchedInputs, pairs, ref.rules);
    checkedAt = new Date();
    renderResults(value);
  };

  threshold.addEventListener("input", () => {
    thresholdValue.textContent = formatNumber(Number(threshold.value), 2);
  });
  threshold.addEventListener("change", () => {
    if (results) void rematch().catch((error) => console.warn(error));
  });
  run.addEventListener("click", () => void check());

  const workbook = (keys: readonly SheetKey[]): ExportWorkbook => ({
    title: "Periksa daftar BNBA: hasil pencocokan",
    sheets: resultSheets(results!, matchedInputs, Number(threshold.value)).filter((s) => keys.includes(s.key)).map((s) => s.sheet),
    sources: [
      ...matchedInputs.map((l) => ({ item: l.fileName, source: `Berkas pengguna (${l.programmeName}${l.funder !== "-" ? `, ${l.funder}` : ""}), diperiksa di peramban`, date: formatDate(checkedAt) })),
      { item: "Aturan tumpang tindih", source: ref.rulesSource, date: formatDate(checkedAt), note: "Pasangan yang tidak tercantum dianggap diperbolehkan." }
    ],
    generatedAt: checkedAt
  });

  const exportButtons = (key: SheetKey, stem: string) => {
    const csv = el("button", { type: "button", "data-testid": `export-csv-${key}` }, "Unduh CSV");
    const xlsx = el("button", { type: "button", "data-testid": `export-xlsx-${key}` }, "Unduh XLSX");
    csv.addEventListener("click", () => {
      const sheet = resultSheets(results!, matchedInputs, Number(threshold.value)).find((s) => s.key === key)!.sheet;
      downloadFile(toCsv(sheet), exportFileName(`periksa-${stem}`, "csv", checkedAt));
    });
    xlsx.addEventListener("click", () => void toXlsx(workbook([key])).then((bytes) => downloadFile(bytes, exportFileName(`periksa-${stem}`, "xlsx", checkedAt))));
    return el("div", { class: "ps-exports" }, csv, xlsx);
  };

  const section = (title: string, key: SheetKey, stem: string, intro: string, body: HTMLElement) =>
    el("section", { class: "ps-section", "data-testid": `section-${key}` }, el("h3", {}, title), el("p", {}, intro), exportButtons(key, stem), body);

  const renderResults = (value: number) => {
    const r = results!;
    const sheets = resultSheets(r, matchedInputs, value);
    const sheetOf = (key: SheetKey): ExportSheet => sheets.find((s) => s.key === key)!.sheet;
    const cols = (key: SheetKey) => sheetOf(key).columns.map((c) => ({ key: c.key, header: c.header, num: c.format === "int" || c.format === "number" }));
    // On screen the overlap table is compact (programme code and funder in one cell); the export has every column.
    const overlapRows = r.overlaps.map((o) => ({
      list_a: `${o.code_a} (${o.funder_a})\n${o.file_a} · baris ${o.row_a}`,
      name_a: o.name_a,
      nik_a: o.nik_a,
      list_b: `${o.code_b} (${o.funder_b})\n${o.file_b} · baris ${o.row_b}`,
      name_b: o.name_b,
      nik_b: o.nik_b,
      how: o.how,
      name_sim: o.name_sim,
      addr_sim: o.addr_sim,
      verdict: o.verdict,
      allowed: o.allowed
    }));
    const overlapColumns = [
      { key: "list_a", header: "Daftar A: program (dana), berkas" },
      { key: "name_a", header: "Nama A" },
      { key: "nik_a", header: "NIK A" },
      { key: "list_b", header: "Daftar B: program (dana), berkas" },
      { key: "name_b", header: "Nama B" },
      { key: "nik_b", header: "NIK B" },
      { key: "how", header: "Dasar kecocokan" },
      { key: "name_sim", header: "Kemiripan nama", num: true },
      { key: "addr_sim", header: "Kemiripan alamat", num: true },
      { key: "verdict", header: "Aturan" },
      { key: "allowed", header: "Boleh" }
    ];
    const disallowed = r.overlaps.filter((o) => !o.allowed).length;
    const all = el("button", { type: "button", "data-testid": "export-all" }, "Unduh semua hasil (XLSX)");
    all.addEventListener("click", () => void toXlsx(workbook(sheets.map((s) => s.key))).then((bytes) => downloadFile(bytes, exportFileName("periksa-daftar-bnba", "xlsx", checkedAt))));
    const kpi = (label: string, n: number, testid: string) => el("div", { class: "ts-kpi", "data-testid": testid, "data-value": String(n) }, el("h3", {}, label), el("div", { class: "ts-kpi-value" }, formatNumber(n)));
    const parts: HTMLElement[] = [
      el("h2", {}, "Hasil pemeriksaan"),
      el(
        "p",
        { class: "ts-source" },
        `Sumber: berkas yang Anda buka (${matchedInputs.map((l) => l.fileName).join(", ")}), diperiksa ${formatDate(checkedAt)}; ambang kemiripan nama dan alamat ${formatNumber(value, 2)}.`
      ),
      el(
        "div",
        { class: "ts-kpis" },
        kpi("Pasangan orang di lebih dari satu daftar program", r.overlaps.length, "kpi-overlaps"),
        kpi("…di antaranya kombinasi yang tidak diperbolehkan", disallowed, "kpi-disallowed"),
        kpi("Pasangan ganda dalam satu daftar", r.duplicates.length, "kpi-duplicates"),
        kpi("Baris dengan NIK tidak valid", r.invalidNiks.length, "kpi-invalid"),
        ...(r.unserved ? [kpi("Keluarga sasaran tanpa program dari daftar ini", r.unserved.length, "kpi-unserved")] : [])
      ),
      all,
      section(
        "Orang di lebih dari satu daftar program",
        "overlaps",
        "tumpang-tindih",
        "Setiap baris adalah satu pasangan baris dari dua daftar yang menunjuk orang yang sama: NIK sama, atau nama dan alamat yang mirip setelah gelar, ejaan, JL./JALAN, dan RT/RW disamakan. Kolom aturan dibaca dari tabel aturan tumpang tindih.",
        table(overlapColumns, overlapRows, "table-overlaps")
      ),
      section("Ganda dalam satu daftar", "duplicates", "ganda", "Dua baris dalam satu berkas yang menunjuk orang yang sama.", table(cols("duplicates"), sheetOf("duplicates").rows, "table-duplicates")),
      section(
        "NIK tidak valid",
        "invalid",
        "nik-tidak-valid",
        "Baris yang NIK-nya gagal pemeriksaan struktur (16 digit, kode wilayah, tanggal lahir, nomor urut). Baris ini tetap dicocokkan menurut nama dan alamat.",
        table(cols("invalid"), sheetOf("invalid").rows, "table-invalid")
      )
    ];
    if (r.unserved && r.unservedByArea) {
      parts.push(
        section(
          "Keluarga sasaran yang tidak ada di daftar program mana pun",
          "unserved_area",
          "sasaran-tanpa-program-per-kelurahan",
          "Keluarga (menurut NO_KK) di daftar sasaran yang tidak satu pun anggotanya ditemukan di daftar program yang dibuka, per kelurahan/desa.",
          table(cols("unserved_area"), sheetOf("unserved_area").rows, "table-unserved-area")
        ),
        section("Daftar keluarga sasaran tanpa program", "unserved", "sasaran-tanpa-program", "Satu baris per keluarga (anggota pertama yang tercatat).", table(cols("unserved"), sheetOf("unserved").rows, "table-unserved"))
      );
    }
    parts.push(
      section(
        "Laporan pemeriksaan baris",
        "rows",
        "laporan-baris",
        "Setiap baris berkas diterima atau dilaporkan dengan baris, kolom, dan alasannya; diterima + ditolak = baris dibaca.",
        el(
          "div",
          {},
          table(
            [
              { key: "file", header: "Berkas" },
              { key: "rows", header: "Baris dibaca", num: true },
              { key: "accepted", header: "Diterima", num: true },
              { key: "rejected", header: "Ditolak", num: true }
            ],
            ready().map((l) => ({ file: l.file.name, rows: l.reading!.rows, accepted: l.reading!.accepted, rejected: l.reading!.rejected })),
            "table-counts"
          ),
          table(cols("rows"), sheetOf("rows").rows, "table-rows")
        )
      )
    );
    output.replaceChildren(...parts);
  };

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
    el("div", { class: "ps-actions" }, run, hint),
    progress,
    output
  );
}
