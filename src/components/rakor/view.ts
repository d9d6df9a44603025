// The pieces of /rakor: topic sections (one per screen in meeting mode), the overlap list by funder
// pair, unserved areas, the programme × area × funder matrix. The action list is action-panel.ts,
// meeting mode meeting.ts.
import type { Prefill } from "./action-panel.js";
import { dataTable, formatCell, kpiCard, type TableColumn } from "../core/table.js";
import { formatCount, formatNumber, formatPercent, formatRupiah } from "../core/format.js";
import { UNDETAILED_LABEL, type CoverageRow } from "../cakupan/queries.js";
import { targetKpi, untouchedKpi } from "../cakupan/view.js";
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
      key: "add",
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
    { key: "add", header: "", render: (r) => addButton({ topic: "belum_terlayani", subject: `${formatNumber(r.untouched)} KK sasaran belum tersentuh program`, area: r.area }, onAdd) }
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
 * The meeting's opening figures for the kab/kota: target households, how many receive a programme,
 * how many none, and the disallowed overlaps with the value involved.
 */
export function rakorKpis(areas: readonly CoverageRow[], overlaps: readonly OverlapView[], kab: string): HTMLElement {
  const sum = <T extends object>(rows: readonly T[], key: keyof T) => rows.reduce((n, r) => n + (Number(r[key]) || 0), 0);
  const target = sum(areas, "target");
  const covered = sum(areas, "covered");
  return el(
    "div",
    { class: "ts-kpis", id: "rakor-kpis" },
    targetKpi(target),
    kpiCard("Sudah menerima program", formatPercent(target > 0 ? (100 * covered) / target : null, 1), `${formatNumber(covered)} KK`, "coverage"),
    untouchedKpi(sum(areas, "untouched"), el("a", { href: `./cakupan?wilayah=${kab}` }, "rincian per wilayah")),
    kpiCard("Tumpang tindih (pasangan dilarang)", formatCount(Math.round(sum(overlaps, "households")), "KK"), `nilai terlibat ${formatRupiah(sum(overlaps, "value_rp"))}`, "overlap")
  );
}
