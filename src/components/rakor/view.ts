// The pieces of /rakor: topic sections (one per screen in meeting mode), the overlap list by funder
// pair, unserved areas, the programme × area × funder matrix, the action list panel, meeting mode.
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABEL,
  ACTION_TOPICS,
  ACTION_TOPIC_LABEL,
  loadActions,
  mergeActions,
  newActionId,
  parseActionFile,
  saveActions,
  serialiseActions,
  sortActions,
  type ActionItem,
  type ActionStatus,
  type ActionTopic,
  type KeyValueStore,
  DUE_RANGE,
  newItemProblems,
  setAsideFile
} from "./action-list.js";
import { dataTable, formatCell, type TableColumn } from "../core/table.js";
import { formatDate, formatNumber } from "../core/format.js";
import { UNDETAILED_LABEL } from "../cakupan/queries.js";
import { funderLabel } from "../domain/programmes.js";
import type { MatrixRow, OverlapRow, UnservedRow } from "./queries.js";
import { el } from "../core/ui.js";

/** Registry values are 0 when a distribution list records no value: say so instead of "Rp0". */
export function valueText(value: number): string {
  return value > 0 ? formatCell(value, "rp") : "tidak tercatat";
}


/** A topic: one screen in meeting mode, one block in the printed brief. */
export function topic(id: string, title: string, ...content: (Node | string)[]): HTMLElement {
  return el("section", { class: "ts-topic", id: `topik-${id}`, "data-topic": id }, el("h2", {}, title), ...content);
}

export type Prefill = Partial<Pick<ActionItem, "topic" | "subject" | "area">>;

function addButton(prefill: Prefill, onAdd: (p: Prefill) => void): HTMLElement {
  const button = el("button", { type: "button", class: "ts-button ts-small ts-noprint", title: "Tambahkan ke daftar tindak lanjut" }, "+ Tindak lanjut");
  button.addEventListener("click", () => onAdd(prefill));
  return button;
}

export type OverlapView = OverlapRow & { funder_pair: string; programme_pair: string };
export function overlapRows(rows: readonly OverlapRow[], names: ReadonlyMap<string, string>): OverlapView[] {
  return rows.map((r) => ({
    ...r,
    funder_pair: `${funderLabel(r.funder_1)} – ${funderLabel(r.funder_2)}`,
    programme_pair: `${names.get(r.programme_a) ?? r.programme_a} + ${names.get(r.programme_b) ?? r.programme_b}`
  }));
}
export const OVERLAP_COLUMNS: TableColumn<OverlapView>[] = [
  { key: "funder_pair", header: "Pasangan penyandang dana" },
  { key: "programme_pair", header: "Pasangan program" },
  { key: "households", header: "Rumah tangga (KK)", format: "int" },
  { key: "value_rp", header: "Nilai bantuan terlibat (Rp)", format: "rp", render: (r) => valueText(r.value_rp) },
  { key: "from_undetailed", header: "Dari sel tanpa rincian kombinasi (KK)", format: "int" },
  { key: "reason", header: "Alasan aturan" }
];

/** `scope`: the area the overlaps were counted in (the kab/kota), prefilled as the action's wilayah. */
export function overlapTable(rows: readonly OverlapView[], onAdd: (p: Prefill) => void, scope = ""): HTMLElement {
  if (rows.length === 0) return el("p", { class: "ts-empty", id: "overlap-table" }, "Tidak ada rumah tangga yang menerima pasangan program yang dilarang aturan tumpang tindih.");
  const columns: TableColumn<OverlapView>[] = [
    ...OVERLAP_COLUMNS.slice(0, 4),
    {
      key: "reason",
      header: "",
      render: (r) => addButton({ topic: "tumpang_tindih", subject: `Tumpang tindih ${r.programme_pair} (${r.funder_pair}): ${formatNumber(r.households)} KK`, area: scope }, onAdd)
    }
  ];
  return dataTable(columns, rows, { id: "overlap-table" });
}

export type UnservedView = UnservedRow & { area: string };
export function unservedRows(rows: readonly UnservedRow[]): UnservedView[] {
  return rows.map((r) => ({ ...r, area: r.kel_kode === null ? `${r.kec_nama} (kelurahan ${UNDETAILED_LABEL.toLowerCase()})` : `${r.kel_nama}, ${r.kec_nama}` }));
}
export const UNSERVED_COLUMNS: TableColumn<UnservedView>[] = [
  { key: "area", header: "Kelurahan/desa, kecamatan" },
  { key: "target", header: "KK sasaran", format: "int" },
  { key: "untouched", header: "Belum tersentuh (KK)", format: "int" },
  { key: "untouched_pct", header: "Belum tersentuh (%)", format: "pct" }
];
export function unservedTable(rows: readonly UnservedView[], onAdd: (p: Prefill) => void): HTMLElement {
  const columns: TableColumn<UnservedView>[] = [
    ...UNSERVED_COLUMNS,
    { key: "kel_kode", header: "", render: (r) => addButton({ topic: "belum_terlayani", subject: `${formatNumber(r.untouched)} KK sasaran belum tersentuh program`, area: r.area }, onAdd) }
  ];
  return dataTable(columns, rows, { id: "unserved-table" });
}

export interface MatrixPivot {
  readonly areas: readonly { kode: string | null; nama: string }[];
  readonly rows: readonly Record<string, unknown>[];
  readonly columns: readonly TableColumn<Record<string, unknown>>[];
}

/** Programme (with funder) × area of households reached; one column per area plus the total. */
export function matrixPivot(rows: readonly MatrixRow[], areaNames: ReadonlyMap<string, string>): MatrixPivot {
  const areaKey = (kode: string | null) => `a_${kode ?? "x"}`;
  const areas = [...new Map(rows.map((r) => [r.kode, { kode: r.kode, nama: r.kode === null ? UNDETAILED_LABEL : areaNames.get(r.kode) ?? r.kode }])).values()].sort(
    (a, b) => (a.kode === null ? 1 : b.kode === null ? -1 : a.kode.localeCompare(b.kode))
  );
  const byRow = new Map<string, Record<string, unknown>>();
  for (const r of rows) {
    const key = `${r.programme_code}|${r.funder}`;
    const row = byRow.get(key) ?? { programme: r.name, funder: funderLabel(r.funder), total: 0, value_rp: 0 };
    row[areaKey(r.kode)] = ((row[areaKey(r.kode)] as number | undefined) ?? 0) + r.households;
    row["total"] = (row["total"] as number) + r.households;
    row["value_rp"] = (row["value_rp"] as number) + r.value_rp;
    byRow.set(key, row);
  }
  const columns: TableColumn<Record<string, unknown>>[] = [
    { key: "programme", header: "Program" },
    { key: "funder", header: "Penyandang dana" },
    ...areas.map((a) => ({ key: areaKey(a.kode), header: a.nama, format: "int" as const })),
    { key: "total", header: "Jumlah (KK)", format: "int" },
    { key: "value_rp", header: "Nilai tercatat (Rp)", format: "rp", render: (r) => valueText(r["value_rp"] as number) }
  ];
  return { areas, rows: [...byRow.values()], columns };
}

/**
 * The action list: a form (prefilled from the "+ Tindak lanjut" buttons), the list with status and
 * delete, JSON export/import. State lives in `store` (localStorage); a corrupt store is reported with
 * its text offered for download, and is backed up before the first new save.
 */
export function actionPanel(store: KeyValueStore, download: (text: string, fileName: string) => void): HTMLElement & { prefill(p: Prefill): void; items(): ActionItem[] } {
  const loaded = loadActions(store);
  let items = loaded.items;
  const messages = el("div", { class: "ts-action-messages", role: "status" });
  if (loaded.corrupt) {
    const keep = el("button", { type: "button", class: "ts-button" }, "Unduh isi yang rusak");
    keep.addEventListener("click", () => download(loaded.corrupt!.raw, "tindak-lanjut-rusak.json"));
    messages.append(
      el(
        "div",
        { class: "ts-error", role: "alert", id: "action-store-corrupt" },
        el("strong", {}, "Daftar tindak lanjut tersimpan tidak dapat dibaca. "),
        `Isinya tidak dihapus: ${loaded.corrupt.problems.slice(0, 3).join("; ")}. Unduh isinya untuk diperiksa; penyimpanan berikutnya menyalinnya dulu ke cadangan di peramban ini. `,
        keep
      )
    );
  }
  if (loaded.setAside.length > 0) {
    const keep = el("button", { type: "button", class: "ts-button", id: "action-set-aside-download" }, "Unduh butir yang disisihkan");
    keep.addEventListener("click", () => download(setAsideFile(loaded.setAside), "tindak-lanjut-disisihkan.json"));
    messages.append(
      el(
        "div",
        { class: "ts-error", role: "alert", id: "action-set-aside" },
        el("strong", {}, `${formatNumber(loaded.setAside.length)} butir tindak lanjut tersimpan disisihkan karena tidak sah; ${formatNumber(items.length)} butir lain tetap ditampilkan. `),
        `${loaded.setAside.flatMap((s) => s.problems).slice(0, 3).join("; ")}. Unduh butir yang disisihkan untuk diperbaiki; penyimpanan berikutnya menyalin isi lama ke cadangan di peramban ini. `,
        keep
      )
    );
  }
  const field = (label: string, input: HTMLElement) => el("label", { class: "ts-field" }, el("span", {}, label), input);
  const topicInput = el("select", { name: "topic" }, ...ACTION_TOPICS.map((t) => el("option", { value: t }, ACTION_TOPIC_LABEL[t])));
  const subject = el("input", { name: "subject", type: "text", required: "", maxlength: "300", placeholder: "mis. Tumpang tindih sembako kota + provinsi di Kasemen" });
  const area = el("input", { name: "area", type: "text", maxlength: "200", placeholder: "wilayah" });
  const assignee = el("input", { name: "assignee", type: "text", required: "", maxlength: "200", placeholder: "OPD atau program, mis. Dinsos Kota Serang" });
  const due = el("input", { name: "due", type: "date", required: "", min: DUE_RANGE.from, max: DUE_RANGE.to });
  const formProblem = el("p", { class: "ts-form-problem", role: "alert", id: "action-form-problem" });
  const note = el("textarea", { name: "note", rows: "2", maxlength: "2000", placeholder: "catatan" });
  const form = el(
    "form",
    // Our own checks, in Indonesian (the browser's bubbles follow its language and let a five-digit year through).
    { class: "ts-action-form ts-noprint", id: "action-form", novalidate: "" },
    field("Topik", topicInput),
    field("Hal", subject),
    field("Wilayah", area),
    field("Ditangani oleh", assignee),
    field("Tenggat", due),
    field("Catatan", note),
    el("div", {}, el("button", { type: "submit", class: "ts-button ts-primary" }, "Tambahkan")),
    formProblem
  );
  const list = el("div", { id: "action-list" });
  const persist = () => {
    const backup = saveActions(store, items);
    if (backup) messages.append(el("p", { class: "ts-muted" }, `Isi lama yang rusak disalin ke kunci ${backup} di peramban ini.`));
  };
  const render = () => {
    const sorted = sortActions(items);
    if (sorted.length === 0) {
      list.replaceChildren(el("p", { class: "ts-empty" }, "Belum ada tindak lanjut. Tambahkan dari tabel di atas atau dengan formulir ini."));
      return;
    }
    const rows = sorted.map((item) => {
      const status = el("select", { "aria-label": "Status", class: "ts-noprint" }, ...ACTION_STATUSES.map((s) => el("option", { value: s }, ACTION_STATUS_LABEL[s])));
      status.value = item.status;
      status.addEventListener("change", () => {
        items = items.map((i) => (i.id === item.id ? { ...i, status: status.value as ActionStatus } : i));
        persist();
        render();
      });
      const remove = el("button", { type: "button", class: "ts-button ts-small ts-noprint", title: "Hapus" }, "Hapus");
      remove.addEventListener("click", () => {
        if (!confirm(`Hapus tindak lanjut "${item.subject}"?`)) return;
        items = items.filter((i) => i.id !== item.id);
        persist();
        render();
      });
      return el(
        "tr",
        { "data-action-id": item.id },
        el("td", {}, ACTION_TOPIC_LABEL[item.topic]),
        el("td", {}, item.subject, item.note ? el("div", { class: "ts-muted" }, item.note) : ""),
        el("td", {}, item.area || "–"),
        el("td", {}, item.assignee),
        el("td", {}, formatDate(item.due)),
        el("td", {}, status, el("span", { class: "ts-print-only" }, ACTION_STATUS_LABEL[item.status])),
        el("td", {}, remove)
      );
    });
    list.replaceChildren(
      el(
        "div",
        { class: "ts-scroll" },
        el(
          "table",
          { class: "ts-table", id: "action-table" },
          el("thead", {}, el("tr", {}, ...["Topik", "Hal", "Wilayah", "Ditangani oleh", "Tenggat", "Status", ""].map((h) => el("th", {}, h)))),
          el("tbody", {}, ...rows)
        )
      )
    );
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const item: ActionItem = {
      id: newActionId(),
      topic: topicInput.value as ActionTopic,
      subject: subject.value.trim(),
      area: area.value.trim(),
      assignee: assignee.value.trim(),
      note: note.value,
      due: due.value,
      status: "baru",
      created_at: new Date().toISOString()
    };
    const problems = newItemProblems(item);
    if (problems.length > 0) {
      formProblem.textContent = `Tindak lanjut belum ditambahkan: ${problems.join("; ")}.`;
      return;
    }
    formProblem.textContent = "";
    items = [...items, item];
    persist();
    form.reset();
    render();
  });
  const exportButton = el("button", { type: "button", class: "ts-button" }, "Ekspor daftar (JSON)");
  exportButton.addEventListener("click", () => download(serialiseActions(items), "tindak-lanjut-rakor.json"));
  const importInput = el("input", { type: "file", accept: ".json,application/json", id: "action-import", class: "ts-file" });
  importInput.addEventListener("change", async () => {
    const file = importInput.files?.[0];
    if (!file) return;
    const parsed = parseActionFile(await file.text());
    importInput.value = "";
    if (!parsed.ok) {
      messages.replaceChildren(el("div", { class: "ts-error", role: "alert" }, el("strong", {}, `Berkas ${file.name} tidak diimpor. `), parsed.problems.slice(0, 5).join("; ")));
      return;
    }
    const merged = mergeActions(items, parsed.items);
    items = merged.items;
    persist();
    render();
    const skipped = parsed.setAside.length > 0 ? ` ${formatNumber(parsed.setAside.length)} butir tidak diimpor karena tidak sah: ${parsed.setAside.flatMap((s) => s.problems).slice(0, 3).join("; ")}.` : "";
    messages.replaceChildren(el("p", { class: parsed.setAside.length > 0 ? "ts-error" : "ts-muted" }, `Diimpor dari ${file.name}: ${formatNumber(merged.added)} baru, ${formatNumber(merged.replaced)} diperbarui.${skipped}`));
  });
  const tools = el(
    "div",
    { class: "ts-actions ts-noprint" },
    exportButton,
    el("label", { class: "ts-button", for: "action-import" }, "Impor daftar (JSON)"),
    importInput
  );
  const panel = el("div", { id: "action-panel" }, messages, form, list, tools) as unknown as HTMLElement & { prefill(p: Prefill): void; items(): ActionItem[] };
  panel.prefill = (p) => {
    if (p.topic) topicInput.value = p.topic;
    if (p.subject !== undefined) subject.value = p.subject;
    if (p.area !== undefined) area.value = p.area;
    const section = panel.closest("section");
    if (document.body.classList.contains("ts-meeting") && section) meetingShow(section as HTMLElement);
    form.scrollIntoView({ block: "center" });
    assignee.focus();
  };
  panel.items = () => sortActions(items);
  render();
  return panel;
}

type ActionExportRow = Record<string, unknown> & { topic: string; subject: string; area: string; assignee: string; due: string; status: string; note: string };
export const ACTION_EXPORT_COLUMNS: TableColumn<ActionExportRow>[] = [
  { key: "topic", header: "Topik" },
  { key: "subject", header: "Hal" },
  { key: "area", header: "Wilayah" },
  { key: "assignee", header: "Ditangani oleh" },
  { key: "due", header: "Tenggat", format: "date" },
  { key: "status", header: "Status" },
  { key: "note", header: "Catatan" }
];

export function actionExportRows(items: readonly ActionItem[]): ActionExportRow[] {
  return items.map((i) => ({ subject: i.subject, area: i.area, assignee: i.assignee, due: i.due, note: i.note, topic: ACTION_TOPIC_LABEL[i.topic], status: ACTION_STATUS_LABEL[i.status] }));
}

// Meeting mode: large type, one topic per screen, keyboard navigation (→/PageDown/Space next,
// ←/PageUp previous, Home/End, Esc leaves). The chosen topic is kept in the URL hash.
function topics(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>("section.ts-topic")];
}

function meetingShow(target: HTMLElement): void {
  const all = topics();
  all.forEach((t) => t.classList.toggle("is-current", t === target));
  const index = all.indexOf(target);
  const counter = document.getElementById("meeting-counter");
  if (counter) counter.textContent = `Topik ${index + 1} dari ${all.length}`;
  history.replaceState(history.state, "", `${location.pathname}${location.search}#${target.id}`);
  window.scrollTo(0, 0);
}

function step(delta: number): void {
  const all = topics();
  const current = all.findIndex((t) => t.classList.contains("is-current"));
  const next = all[Math.max(0, Math.min(all.length - 1, (current < 0 ? 0 : current) + delta))];
  if (next) meetingShow(next);
}

function onKey(event: KeyboardEvent): void {
  const target = event.target as HTMLElement | null;
  if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
  if (["ArrowRight", "PageDown", " "].includes(event.key)) step(1);
  else if (["ArrowLeft", "PageUp"].includes(event.key)) step(-1);
  else if (event.key === "Home") step(-1000);
  else if (event.key === "End") step(1000);
  else if (event.key === "Escape") leaveMeeting();
  else return;
  event.preventDefault();
}

export function enterMeeting(): void {
  if (document.body.classList.contains("ts-meeting")) return;
  document.body.classList.add("ts-meeting");
  const bar = el(
    "div",
    { id: "meeting-bar", class: "ts-noprint", role: "navigation", "aria-label": "Navigasi mode rapat" },
    el("span", { id: "meeting-counter" }),
    button("← Sebelumnya", () => step(-1)),
    button("Berikutnya →", () => step(1)),
    button("Keluar (Esc)", leaveMeeting, "meeting-exit")
  );
  document.body.append(bar);
  document.addEventListener("keydown", onKey);
  const fromHash = location.hash ? document.getElementById(location.hash.slice(1)) : null;
  const first = fromHash?.classList.contains("ts-topic") ? fromHash : topics()[0];
  if (first) meetingShow(first);
}

export function leaveMeeting(): void {
  document.body.classList.remove("ts-meeting");
  document.getElementById("meeting-bar")?.remove();
  document.removeEventListener("keydown", onKey);
  topics().forEach((t) => t.classList.remove("is-current"));
}

function button(text: string, onClick: () => void, id?: string): HTMLElement {
  const b = el("button", { type: "button", class: "ts-button", id }, text);
  b.addEventListener("click", onClick);
  return b;
}

/** The toolbar: meeting mode, print. Exports are added by the page next to it. */
export function rakorToolbar(): HTMLElement {
  return el(
    "div",
    { class: "ts-actions ts-noprint", id: "rakor-toolbar" },
    button("Mode rapat", enterMeeting, "meeting-enter"),
    button("Cetak ringkasan A4", () => window.print(), "print-brief")
  );
}

export { formatCell };
