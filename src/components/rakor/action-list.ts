// The rakor action list: which OPD or programme takes which gap or overlap, with a note and a due
// date. Kept in the browser's localStorage (nothing leaves the laptop), exported and imported as a
// JSON file so it can move between laptops. Each item is checked on entry and on load: a bad item is
// set aside (reported, offered for download, copied to a backup key before the next save) while the
// good items stay; a store that cannot be read at all is reported and kept the same way.

export const ACTION_STORE_KEY = "tepat-sasaran:rakor:tindak-lanjut:v1";
export const ACTION_FILE_FORMAT = "tepat-sasaran/tindak-lanjut-rakor";
export const ACTION_FILE_VERSION = 1;

export const ACTION_TOPICS = ["kesenjangan", "tumpang_tindih", "belum_terlayani", "lainnya"] as const;
export type ActionTopic = (typeof ACTION_TOPICS)[number];
export const ACTION_TOPIC_LABEL: Readonly<Record<ActionTopic, string>> = {
  kesenjangan: "Kesenjangan cakupan",
  tumpang_tindih: "Tumpang tindih",
  belum_terlayani: "Wilayah belum terlayani",
  lainnya: "Lainnya"
};
export const ACTION_STATUSES = ["baru", "berjalan", "selesai"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABEL: Readonly<Record<ActionStatus, string>> = { baru: "Baru", berjalan: "Berjalan", selesai: "Selesai" };

export interface ActionItem {
  readonly id: string;
  readonly topic: ActionTopic;
  /** What the action is about, e.g. "Tumpang tindih sembako kota + sembako provinsi (Kota–Provinsi)". */
  readonly subject: string;
  /** Area name or code, may be empty. */
  readonly area: string;
  /** OPD or programme that takes the action. */
  readonly assignee: string;
  readonly note: string;
  /** Due date YYYY-MM-DD. */
  readonly due: string;
  readonly status: ActionStatus;
  /** ISO timestamp of creation. */
  readonly created_at: string;
}

export interface ActionFile {
  readonly format: typeof ACTION_FILE_FORMAT;
  readonly version: typeof ACTION_FILE_VERSION;
  readonly exported_at: string;
  readonly items: readonly ActionItem[];
}

const MAX_TEXT = 2000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Deadlines a rakor sets: a real calendar date in this range (a five-digit year is a typing slip). */
export const DUE_RANGE = { from: "2020-01-01", to: "2040-12-31" } as const;

function validDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function dueProblem(due: unknown): string | null {
  if (typeof due !== "string" || !validDate(due)) return "tenggat harus tanggal yang sah (TTTT-BB-HH)";
  if (due < DUE_RANGE.from || due > DUE_RANGE.to) return `tenggat ${due} di luar rentang ${DUE_RANGE.from.slice(0, 4)}–${DUE_RANGE.to.slice(0, 4)}`;
  return null;
}

/** Problems of one item (Indonesian, with its position), empty when valid. */
export function itemProblems(value: unknown, position: number): string[] {
  const where = `butir ${position + 1}`;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [`${where}: bukan objek`];
  const v = value as Record<string, unknown>;
  const problems: string[] = [];
  const text = (key: string, required: boolean) => {
    const x = v[key];
    if (typeof x !== "string") problems.push(`${where}: kolom ${key} harus berupa teks`);
    else if (required && x.trim() === "") problems.push(`${where}: kolom ${key} wajib diisi`);
    else if (x.length > MAX_TEXT) problems.push(`${where}: kolom ${key} lebih dari ${MAX_TEXT} karakter`);
  };
  text("id", true);
  text("subject", true);
  text("area", false);
  text("assignee", true);
  text("note", false);
  text("created_at", true);
  if (!(ACTION_TOPICS as readonly unknown[]).includes(v["topic"])) problems.push(`${where}: topik "${String(v["topic"])}" tidak dikenal`);
  if (!(ACTION_STATUSES as readonly unknown[]).includes(v["status"])) problems.push(`${where}: status "${String(v["status"])}" tidak dikenal`);
  const due = dueProblem(v["due"]);
  if (due) problems.push(`${where}: ${due}`);
  return problems;
}

function pick(v: Record<string, unknown>): ActionItem {
  return {
    id: v["id"] as string,
    topic: v["topic"] as ActionTopic,
    subject: (v["subject"] as string).trim(),
    area: (v["area"] as string).trim(),
    assignee: (v["assignee"] as string).trim(),
    note: v["note"] as string,
    due: v["due"] as string,
    status: v["status"] as ActionStatus,
    created_at: v["created_at"] as string
  };
}

/** An item that failed the checks: its position, why, and the item as it was stored. */
export interface SetAsideItem {
  readonly position: number;
  readonly problems: readonly string[];
  readonly raw: unknown;
}

export type Parsed =
  | { readonly ok: true; readonly items: ActionItem[]; readonly setAside: SetAsideItem[] }
  | { readonly ok: false; readonly problems: string[] };

/**
 * Validates an exported file (or the stored value, which has the same shape). The file itself must
 * be a list file; within it every good item is kept and every bad one set aside with its problems
 * (an id seen before is set aside too). Unknown keys are dropped.
 */
export function parseActionFile(text: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`bukan JSON yang sah (${error instanceof Error ? error.message : String(error)})`] };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { ok: false, problems: ["isi berkas bukan objek daftar tindak lanjut"] };
  const d = data as Record<string, unknown>;
  const problems: string[] = [];
  if (d["format"] !== ACTION_FILE_FORMAT) problems.push(`format "${String(d["format"])}" bukan ${ACTION_FILE_FORMAT}`);
  if (d["version"] !== ACTION_FILE_VERSION) problems.push(`versi ${String(d["version"])} tidak didukung (hanya ${ACTION_FILE_VERSION})`);
  if (!Array.isArray(d["items"])) problems.push("kolom items harus berupa daftar");
  if (problems.length > 0) return { ok: false, problems };
  const kept: ActionItem[] = [];
  const setAside: SetAsideItem[] = [];
  const ids = new Set<string>();
  (d["items"] as unknown[]).forEach((raw, position) => {
    const found = itemProblems(raw, position);
    const id = (raw as { id?: unknown } | null)?.id;
    if (found.length === 0 && typeof id === "string" && ids.has(id)) found.push(`butir ${position + 1}: id ${id} ganda`);
    if (found.length > 0) {
      setAside.push({ position, problems: found, raw });
      return;
    }
    ids.add(id as string);
    kept.push(pick(raw as Record<string, unknown>));
  });
  return { ok: true, items: kept, setAside };
}

/** Problems of a new item typed into the form (the same checks as on load), empty when it can be added. */
export function newItemProblems(item: ActionItem): string[] {
  return itemProblems(item, 0).map((p) => p.replace(/^butir 1: /, ""));
}

export function actionFile(items: readonly ActionItem[], at: Date = new Date()): ActionFile {
  return { format: ACTION_FILE_FORMAT, version: ACTION_FILE_VERSION, exported_at: at.toISOString(), items };
}

export function serialiseActions(items: readonly ActionItem[], at?: Date): string {
  return JSON.stringify(actionFile(items, at), null, 2);
}

/** Imported items added to the list: an item with an id already present replaces it. */
export function mergeActions(current: readonly ActionItem[], imported: readonly ActionItem[]): { items: ActionItem[]; added: number; replaced: number } {
  const byId = new Map(current.map((item) => [item.id, item]));
  let added = 0;
  let replaced = 0;
  for (const item of imported) {
    if (byId.has(item.id)) replaced++;
    else added++;
    byId.set(item.id, item);
  }
  return { items: [...byId.values()], added, replaced };
}

/** Items in meeting order: open before done, then by due date, then by subject. */
export function sortActions(items: readonly ActionItem[]): ActionItem[] {
  const rank = (s: ActionStatus) => (s === "selesai" ? 1 : 0);
  return [...items].sort((a, b) => rank(a.status) - rank(b.status) || a.due.localeCompare(b.due) || a.subject.localeCompare(b.subject, "id"));
}

/** The Storage subset the store uses (localStorage in the browser, a Map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface LoadedActions {
  readonly items: ActionItem[];
  /** Stored items that failed the checks, kept apart (the good ones are in `items`). */
  readonly setAside: readonly SetAsideItem[];
  /** Set when the stored value cannot be read at all: the problems, the raw text kept as is. */
  readonly corrupt: { readonly problems: string[]; readonly raw: string } | null;
}

export function loadActions(store: KeyValueStore, key = ACTION_STORE_KEY): LoadedActions {
  const raw = store.getItem(key);
  if (raw === null) return { items: [], setAside: [], corrupt: null };
  const parsed = parseActionFile(raw);
  return parsed.ok ? { items: parsed.items, setAside: parsed.setAside, corrupt: null } : { items: [], setAside: [], corrupt: { problems: parsed.problems, raw } };
}

/** The set-aside items as a file of their own, to download and mend by hand. */
export function setAsideFile(items: readonly SetAsideItem[], at: Date = new Date()): string {
  return JSON.stringify({ format: ACTION_FILE_FORMAT, version: ACTION_FILE_VERSION, exported_at: at.toISOString(), items: items.map((i) => i.raw), problems: items.flatMap((i) => i.problems) }, null, 2);
}

/**
 * Writes the list. If the stored value is unreadable, or holds items that were set aside, it is first
 * copied to a backup key (`<key>:rusak:<timestamp>`), so a save never destroys what could not be
 * read. Returns the backup key, if any.
 */
export function saveActions(store: KeyValueStore, items: readonly ActionItem[], key = ACTION_STORE_KEY, at: Date = new Date()): string | null {
  let backup: string | null = null;
  const raw = store.getItem(key);
  const stored = raw === null ? null : parseActionFile(raw);
  if (raw !== null && stored !== null && (!stored.ok || stored.setAside.length > 0)) {
    backup = `${key}:rusak:${at.toISOString()}`;
    store.setItem(backup, raw);
  }
  store.setItem(key, serialiseActions(items, at));
  return backup;
}

/** A fresh id (time + random), unique enough for a list kept by hand. */
export function newActionId(at: Date = new Date(), random: () => number = Math.random): string {
  return `a-${at.getTime().toString(36)}-${Math.floor(random() * 36 ** 6).toString(36).padStart(6, "0")}`;
}
