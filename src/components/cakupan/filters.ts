// Filters of /cakupan and /rakor kept in the URL (?wilayah=3673&kec=367302&program=…&dana=…&strategi=…),
// so a link sent before a rakor opens the same view. Pure parse/serialise functions (tested in Node)
// and one small filter bar for the page.
import type { CellKab, CoverageFilter } from "./queries.js";
import { el } from "../core/ui.js";
import { FUNDER_LABEL, STRATEGY_LABEL, isFunder, isStrategy } from "../domain/programmes.js";
import type { Wilayah } from "../domain/wilayah.js";

export const PARAMS = { kab: "wilayah", kec: "kec", programme: "program", funder: "dana", strategy: "strategi" } as const;

export interface FilterChoices {
  /** The kab/kota with published registry cells (from the catalogue), in code order. */
  readonly kabs: readonly Wilayah[];
  readonly kecamatan: readonly { kode: string; nama: string; kab: string }[];
  readonly programmes: readonly { code: string; name: string; funder: string; strategy: string }[];
}

/** The official name of a kab/kota among the choices (its code when it is not one of them). */
export function kabName(choices: Pick<FilterChoices, "kabs">, kab: CellKab): string {
  return choices.kabs.find((w) => w.kode === kab)?.nama ?? kab;
}

/**
 * The filter named in a query string; unknown or inconsistent values fall back to "all", an
 * unknown kab/kota to the first one with registry cells. Pure.
 */
export function filterFromSearch(search: string, choices: FilterChoices, fallbackKab: CellKab | undefined = choices.kabs[0]?.kode): CoverageFilter {
  if (fallbackKab === undefined) throw new Error("no kab/kota with registry cells to show");
  const p = new URLSearchParams(search);
  const kabParam = p.get(PARAMS.kab);
  const kab: CellKab = choices.kabs.some((w) => w.kode === kabParam) ? kabParam! : fallbackKab;
  const kecParam = p.get(PARAMS.kec);
  const kec = choices.kecamatan.some((k) => k.kode === kecParam && k.kab === kab) ? kecParam : null;
  const prog = p.get(PARAMS.programme);
  const programme = choices.programmes.some((x) => x.code === prog) ? prog : null;
  const fund = p.get(PARAMS.funder);
  const funder = isFunder(fund) ? fund : null;
  const strat = p.get(PARAMS.strategy);
  const strategy = isStrategy(strat) ? strat : null;
  return { kab, kec, programme, funder, strategy };
}

/** The query string with the filter set (empty values removed), other parameters kept. Pure. */
export function searchWithFilter(search: string, filter: CoverageFilter): string {
  const p = new URLSearchParams(search);
  const set = (key: string, value: string | null) => (value === null ? p.delete(key) : p.set(key, value));
  set(PARAMS.kab, filter.kab);
  set(PARAMS.kec, filter.kec);
  set(PARAMS.programme, filter.programme);
  set(PARAMS.funder, filter.funder);
  set(PARAMS.strategy, filter.strategy);
  return `?${p.toString()}`;
}

export type FilterBar = HTMLElement & { value: CoverageFilter; set(change: Partial<CoverageFilter>): void };

function select(id: string, label: string, options: readonly [string, string][], selected: string | null): { box: HTMLElement; input: HTMLSelectElement } {
  const input = el("select", { id, name: id });
  for (const [value, text] of options) {
    const option = el("option", { value }, text);
    option.selected = value === (selected ?? "");
    input.append(option);
  }
  return { box: el("label", { class: "ts-filter", for: id }, el("span", {}, label), input), input };
}

/**
 * Filter bar for Framework's view(): value is the current filter; every change rewrites the URL
 * (history.replaceState) and emits "input". set() applies a change from elsewhere (drill-down links).
 * `fields` chooses which selects to show.
 */
export function filterBar(choices: FilterChoices, fields: readonly (keyof CoverageFilter)[] = ["kab", "kec", "programme", "funder", "strategy"]): FilterBar {
  let value = filterFromSearch(location.search, choices);
  const form = el("form", { class: "ts-filters", id: "filters", role: "search" }) as unknown as FilterBar;
  const render = () => {
    const kab = select("f-wilayah", "Wilayah", choices.kabs.map((w): [string, string] => [w.kode, w.nama]), value.kab);
    const kec = select("f-kec", "Kecamatan", [["", "Semua kecamatan"], ...choices.kecamatan.filter((k) => k.kab === value.kab).map((k): [string, string] => [k.kode, k.nama])], value.kec);
    const programme = select("f-program", "Program", [["", "Semua program"], ...choices.programmes.map((x): [string, string] => [x.code, x.name])], value.programme);
    const funder = select("f-dana", "Penyandang dana", [["", "Semua"], ...Object.entries(FUNDER_LABEL)], value.funder);
    const strategy = select("f-strategi", "Strategi", [["", "Semua strategi"], ...Object.entries(STRATEGY_LABEL)], value.strategy);
    const all = { kab, kec, programme, funder, strategy };
    form.replaceChildren(...fields.map((f) => all[f].box));
    const read = (): CoverageFilter => {
      const v = (s: HTMLSelectElement) => (s.value === "" ? null : s.value);
      const nextKab = choices.kabs.some((w) => w.kode === kab.input.value) ? kab.input.value : value.kab;
      return {
        kab: nextKab,
        kec: nextKab === value.kab ? v(kec.input) : null,
        programme: v(programme.input),
        funder: v(funder.input),
        strategy: v(strategy.input)
      };
    };
    for (const { input } of Object.values(all)) input.addEventListener("change", () => form.set(read()));
  };
  Object.defineProperty(form, "value", { get: () => value });
  form.set = (change) => {
    value = { ...value, ...change };
    history.replaceState(history.state, "", searchWithFilter(location.search, value) + location.hash);
    render();
    form.dispatchEvent(new Event("input", { bubbles: true }));
  };
  form.addEventListener("submit", (event) => event.preventDefault());
  render();
  return form;
}
