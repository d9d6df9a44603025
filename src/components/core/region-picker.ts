// Region picker whose choice lives in the URL (?wilayah=3673), so a link or a bookmark shared in a
// rakor opens the same region. Works with Framework's `view()`: the wrapper has a `value` and
// re-emits the select's "input" events.
import { el } from "./ui.js";

export const REGION_PARAM = "wilayah";

export interface PickableRegion {
  readonly kode: string;
  readonly nama: string;
}

/** The region named in a query string, if it is one of `regions`; else `fallback`. Pure. */
export function regionFromSearch(search: string, regions: readonly PickableRegion[], fallback: string): string {
  const wanted = new URLSearchParams(search).get(REGION_PARAM);
  return wanted !== null && regions.some((r) => r.kode === wanted) ? wanted : fallback;
}

/** The region code asked for in a query string when it is not one of `regions`, else null. Pure. */
export function unknownRegionCode(search: string, regions: readonly PickableRegion[]): string | null {
  const wanted = new URLSearchParams(search).get(REGION_PARAM);
  return wanted !== null && !regions.some((r) => r.kode === wanted) ? wanted : null;
}

/** Longest part of an unknown code repeated in the notice (the URL is user input). */
const MAX_SHOWN_CODE = 24;

/** The Indonesian notice for an unknown region code. Pure. */
export function unknownRegionMessage(code: string, shown: PickableRegion | undefined): string {
  const quoted = code.length > MAX_SHOWN_CODE ? `${code.slice(0, MAX_SHOWN_CODE)}…` : code;
  return `Kode wilayah "${quoted}" pada alamat halaman tidak dikenal; yang ditampilkan ${shown?.nama ?? "wilayah bawaan"}. Pilih wilayah lain di bawah.`;
}

/** The query string with the region set, other parameters kept. Pure. */
export function searchWithRegion(search: string, kode: string): string {
  const params = new URLSearchParams(search);
  params.set(REGION_PARAM, kode);
  return `?${params.toString()}`;
}

export type RegionPicker = HTMLElement & { value: string };

export function regionPicker(regions: readonly PickableRegion[], fallback: string, label = "Wilayah"): RegionPicker {
  const selected = regionFromSearch(location.search, regions, fallback);
  const select = el("select", { id: "region-picker", name: REGION_PARAM });
  for (const region of regions) {
    const option = el("option", { value: region.kode }, region.nama);
    option.selected = region.kode === selected;
    select.append(option);
  }
  const unknown = unknownRegionCode(location.search, regions);
  const notice = unknown === null
    ? null
    : el("p", { class: "ts-notice", role: "status" }, unknownRegionMessage(unknown, regions.find((r) => r.kode === selected)));
  // The bad value leaves the address bar, so a shared link names the region actually shown.
  if (unknown !== null) history.replaceState(history.state, "", searchWithRegion(location.search, selected) + location.hash);
  const wrapper = el(
    "div",
    { class: "ts-picker-block" },
    notice,
    el("div", { class: "ts-picker" }, el("label", { for: "region-picker" }, `${label}:`), select)
  );
  Object.defineProperty(wrapper, "value", { get: () => select.value });
  select.addEventListener("input", () => {
    history.replaceState(history.state, "", searchWithRegion(location.search, select.value) + location.hash);
  });
  return wrapper as unknown as RegionPicker;
}
