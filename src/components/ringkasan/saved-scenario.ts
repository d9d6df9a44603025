// Ringkasan block: the best scenario saved on this device (from /skenario) with its date and a link.
import { formatDate, formatNumber, formatRupiah } from "../core/format.js";
import { loadBestScenario } from "../skenario/saved.js";
import { el, syntheticBadgeIf } from "../core/ui.js";
import type { Wilayah } from "../domain/wilayah.js";

/** `kabkota`: the reference list, for the saved scenario's kab/kota name. */
export function savedScenarioCard(kabkota: readonly Wilayah[]): HTMLElement {
  const saved = loadBestScenario();
  if (!saved) {
    return el(
      "div",
      { class: "card", id: "saved-scenario" },
      el("p", {}, "Belum ada skenario yang disimpan di perangkat ini. Susun dan bandingkan skenario di ", el("a", { href: "./skenario" }, "Perencana skenario"), ", lalu pilih “Simpan skenario terbaik di perangkat ini”.")
    );
  }
  const synthetic = saved.synthetic !== false;
  return el(
    "div",
    { class: "card", id: "saved-scenario", "data-saved-at": saved.saved_at },
    el("h3", {}, `Skenario terbaik tersimpan: ${saved.name} `, syntheticBadgeIf(synthetic)),
    el(
      "p",
      {},
      `${kabkota.find((w) => w.kode === saved.kab)?.short ?? saved.kab}, ${saved.horizon}: perkiraan ${formatNumber(saved.poor_persons)} jiwa miskin ekstrem ` +
        `(tanpa perubahan program ${formatNumber(saved.status_quo_poor_persons)} jiwa; ${formatNumber(saved.exits_persons)} jiwa keluar), ` +
        `anggaran ${formatRupiah(saved.total_rp)} per tahun (tambahan ${formatRupiah(saved.extra_rp)}).`
    ),
    el("p", { class: "ts-source" }, `Disimpan di perangkat ini pada ${formatDate(saved.saved_at)} · perkiraan model atas registri${synthetic ? " sintetis" : ""} · `, el("a", { href: saved.link }, "Buka skenario ini"))
  );
}
