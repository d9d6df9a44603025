import { describe, expect, it } from "vitest";
import {
  ACTION_FILE_FORMAT,
  ACTION_STORE_KEY,
  DUE_RANGE,
  loadActions,
  mergeActions,
  newActionId,
  newItemProblems,
  setAsideFile,
  parseActionFile,
  saveActions,
  serialiseActions,
  sortActions,
  type ActionItem,
  type KeyValueStore
} from "../../../src/components/rakor/action-list.js";

const item = (over: Partial<ActionItem> = {}): ActionItem => ({
  id: "a-1",
  topic: "tumpang_tindih",
  subject: "Sembako kota + sembako provinsi",
  area: "Kasemen",
  assignee: "Dinsos Kota Serang",
  note: "Verifikasi 120 KK",
  due: "2026-12-20",
  status: "baru",
  created_at: "2026-12-03T10:00:00.000Z",
  ...over
});

class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

describe("action file", () => {
  it("round-trips through JSON", () => {
    const items = [item(), item({ id: "a-2", topic: "kesenjangan", due: "2027-01-05", status: "selesai" })];
    const text = serialiseActions(items, new Date("2026-12-03T00:00:00Z"));
    expect(JSON.parse(text)).toMatchObject({ format: ACTION_FILE_FORMAT, version: 1, exported_at: "2026-12-03T00:00:00.000Z" });
    expect(parseActionFile(text)).toEqual({ ok: true, items, setAside: [] });
  });

  it("rejects invalid files with every problem named", () => {
    expect(parseActionFile("{not json")).toMatchObject({ ok: false });
    expect(parseActionFile(JSON.stringify({ format: "x", version: 2, items: {} }))).toEqual({
      ok: false,
      problems: [`format "x" bukan ${ACTION_FILE_FORMAT}`, "versi 2 tidak didukung (hanya 1)", "kolom items harus berupa daftar"]
    });
  });

  it("keeps every good item and sets aside each bad one with its problems", () => {
    const bad = { format: ACTION_FILE_FORMAT, version: 1, items: [item({ due: "2026-02-30" }), item({ id: "a-2", topic: "x" as never, assignee: " " }), item({ id: "a-3", due: "20266-01-05" }), item(), item({ id: "a-4" }), item({ note: "second a-1" })] };
    const parsed = parseActionFile(JSON.stringify(bad));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.items.map((i) => i.id)).toEqual(["a-1", "a-4"]);
    expect(parsed.setAside.map((s) => [s.position, s.problems])).toEqual([
      [0, ["butir 1: tenggat harus tanggal yang sah (TTTT-BB-HH)"]],
      [1, ["butir 2: kolom assignee wajib diisi", 'butir 2: topik "x" tidak dikenal']],
      [2, ["butir 3: tenggat harus tanggal yang sah (TTTT-BB-HH)"]],
      [5, ["butir 6: id a-1 ganda"]]
    ]);
    // Nothing is lost: good and set-aside items add up to the stored ones.
    expect(parsed.items.length + parsed.setAside.length).toBe(bad.items.length);
    const file = JSON.parse(setAsideFile(parsed.setAside)) as { items: unknown[]; problems: string[] };
    expect(file.items).toEqual(parsed.setAside.map((s) => s.raw));
    expect(file.problems).toHaveLength(5);
  });

  it("checks a new item's deadline as a real date in a sensible range", () => {
    expect(newItemProblems(item())).toEqual([]);
    expect(newItemProblems(item({ due: "20266-12-20" }))).toEqual(["tenggat harus tanggal yang sah (TTTT-BB-HH)"]);
    expect(newItemProblems(item({ due: "2019-12-31" }))).toEqual([`tenggat 2019-12-31 di luar rentang ${DUE_RANGE.from.slice(0, 4)}–${DUE_RANGE.to.slice(0, 4)}`]);
    expect(newItemProblems(item({ due: "" }))).toHaveLength(1);
    expect(newItemProblems(item({ subject: " ", assignee: "" }))).toEqual(["kolom subject wajib diisi", "kolom assignee wajib diisi"]);
  });

  it("drops unknown keys and trims names", () => {
    const withExtra = { format: ACTION_FILE_FORMAT, version: 1, items: [{ ...item({ assignee: "  Bappeda " }), secret: "x" }] };
    const parsed = parseActionFile(JSON.stringify(withExtra));
    expect(parsed.ok && parsed.items[0]).toEqual(item({ assignee: "Bappeda" }));
  });
});

describe("store", () => {
  it("saves and loads, and reports an empty store as empty", () => {
    const store = new MemoryStore();
    expect(loadActions(store)).toEqual({ items: [], setAside: [], corrupt: null });
    expect(saveActions(store, [item()])).toBeNull();
    expect(loadActions(store)).toEqual({ items: [item()], setAside: [], corrupt: null });
  });

  it("reports a corrupt store and keeps its text in a backup before writing", () => {
    const store = new MemoryStore();
    store.setItem(ACTION_STORE_KEY, '{"format": "tepat-sasaran/tindak-lanjut-rakor", "items": [');
    const loaded = loadActions(store);
    expect(loaded.items).toEqual([]);
    expect(loaded.corrupt?.raw).toBe('{"format": "tepat-sasaran/tindak-lanjut-rakor", "items": [');
    expect(loaded.corrupt?.problems[0]).toMatch(/bukan JSON yang sah/);
    const at = new Date("2026-12-03T11:00:00Z");
    const backup = saveActions(store, [item()], ACTION_STORE_KEY, at);
    expect(backup).toBe(`${ACTION_STORE_KEY}:rusak:2026-12-03T11:00:00.000Z`);
    expect(store.getItem(backup!)).toBe(loaded.corrupt?.raw);
    expect(loadActions(store).items).toEqual([item()]);
  });
});

describe("a store with one bad item", () => {
  it("keeps the good items after a reload and backs the whole old value up before the next save", () => {
    const store = new MemoryStore();
    const stored = JSON.parse(serialiseActions([item(), item({ id: "a-2" })])) as { items: Record<string, unknown>[] };
    stored.items[1]!["due"] = "20266-01-05"; // typed with a five-digit year
    const raw = JSON.stringify(stored);
    store.setItem(ACTION_STORE_KEY, raw);
    const loaded = loadActions(store);
    expect(loaded.corrupt).toBeNull();
    expect(loaded.items).toEqual([item()]);
    expect(loaded.setAside).toHaveLength(1);
    const at = new Date("2026-12-08T09:00:00Z");
    const backup = saveActions(store, [...loaded.items, item({ id: "a-3" })], ACTION_STORE_KEY, at);
    expect(backup).toBe(`${ACTION_STORE_KEY}:rusak:2026-12-08T09:00:00.000Z`);
    expect(store.getItem(backup!)).toBe(raw);
    expect(loadActions(store).items.map((i) => i.id)).toEqual(["a-1", "a-3"]);
    // The clean list needs no further backup.
    expect(saveActions(store, loadActions(store).items)).toBeNull();
  });
});

describe("merge and order", () => {
  it("adds new items and replaces those with the same id", () => {
    const merged = mergeActions([item(), item({ id: "a-2" })], [item({ id: "a-2", note: "baru" }), item({ id: "a-3" })]);
    expect(merged.added).toBe(1);
    expect(merged.replaced).toBe(1);
    expect(merged.items.map((i) => [i.id, i.note])).toEqual([["a-1", "Verifikasi 120 KK"], ["a-2", "baru"], ["a-3", "Verifikasi 120 KK"]]);
  });

  it("orders open items by due date before finished ones", () => {
    const sorted = sortActions([
      item({ id: "x", status: "selesai", due: "2026-01-01" }),
      item({ id: "y", due: "2026-12-31" }),
      item({ id: "z", status: "berjalan", due: "2026-12-10" })
    ]);
    expect(sorted.map((i) => i.id)).toEqual(["z", "y", "x"]);
  });

  it("makes distinct ids", () => {
    const at = new Date("2026-12-03T00:00:00Z");
    expect(newActionId(at, () => 0)).toBe(`a-${at.getTime().toString(36)}-000000`);
    expect(newActionId(at, () => 0.5)).not.toBe(newActionId(at, () => 0.25));
  });
});
