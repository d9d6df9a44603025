// The rakor action list panel: a form (prefilled from the "+ Tindak lanjut" buttons), the list with
// status and delete, JSON export/import, and its export sheet. The list's rules (validation, merge,
// storage) are in action-list.ts.
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
import { dataTable, type TableColumn } from "../core/table.js";
import { formatNumber } from "../core/format.js";
import { el } from "../core/ui.js";
import { meetingShow } from "./meeting.js";

export type Prefill = Partial<Pick<ActionItem, "topic" | "subject" | "area">>;

type ActionRow = ActionItem & Record<string, unknown>;

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
    const statusPicker = (item: ActionItem) => {
      const status = el("select", { "aria-label": "Status", class: "ts-noprint" }, ...ACTION_STATUSES.map((s) => el("option", { value: s }, ACTION_STATUS_LABEL[s])));
      status.value = item.status;
      status.addEventListener("change", () => {
        items = items.map((i) => (i.id === item.id ? { ...i, status: status.value as ActionStatus } : i));
        persist();
        render();
      });
      return status;
    };
    const removeButton = (item: ActionItem) => {
      const remove = el("button", { type: "button", class: "ts-button ts-small ts-noprint", title: "Hapus" }, "Hapus");
      remove.addEventListener("click", () => {
        if (!confirm(`Hapus tindak lanjut "${item.subject}"?`)) return;
        items = items.filter((i) => i.id !== item.id);
        persist();
        render();
      });
      return remove;
    };
    const columns: TableColumn<ActionRow>[] = [
      { key: "topic", header: "Topik", render: (item) => ACTION_TOPIC_LABEL[item.topic] },
      { key: "subject", header: "Hal", render: (item) => [item.subject, item.note ? el("div", { class: "ts-muted" }, item.note) : ""] },
      { key: "area", header: "Wilayah", render: (item) => item.area || "–" },
      { key: "assignee", header: "Ditangani oleh" },
      { key: "due", header: "Tenggat", format: "date" },
      { key: "status", header: "Status", render: (item) => [statusPicker(item), el("span", { class: "ts-print-only" }, ACTION_STATUS_LABEL[item.status])] },
      { key: "remove", header: "", render: removeButton }
    ];
    list.replaceChildren(dataTable(columns, sorted as ActionRow[], { id: "action-table" }, { row: (item) => ({ "data-action-id": item.id }) }));
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
