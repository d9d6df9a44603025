// The desa/kelurahan map of the kab/kota /cakupan shows: published once per kab/kota the registry
// holds (data/batas-desa-<kode>.json), fetched on the first drill-down into one of its kecamatan so
// the page loads only the map it draws.
import type { TopologyLike } from "../charts/choropleth.js";
import { desaMapFile, type Wilayah } from "../domain/wilayah.js";

const maps = new Map<string, Promise<TopologyLike>>();

export function desaMapUrl(kab: string): string {
  return new URL(`./data/${desaMapFile(kab)}`, document.baseURI).href;
}

export function loadDesaMap(kab: Wilayah): Promise<TopologyLike> {
  let map = maps.get(kab.kode);
  if (!map) {
    map = fetch(desaMapUrl(kab.kode)).then(async (response) => {
      if (!response.ok) throw new Error(`Peta ${kab.villageNoun} ${kab.nama} tidak dapat dimuat (HTTP ${response.status}); muat ulang halaman atau bangun ulang situs.`);
      return (await response.json()) as TopologyLike;
    });
    map.catch(() => maps.delete(kab.kode)); // a failed download may be retried
    maps.set(kab.kode, map);
  }
  return map;
}
