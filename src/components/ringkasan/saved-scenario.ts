// Ringkasan block: the best scenario saved on this device (from /skenario) with its date and a link.
import { formatDate, formatNumber, formatRupiah } from "../core/format.js";
import { SCENARIO_KAB_NAMES, loadBestScenario } from "../skenario/saved.js";
import { el, syntheticBadge } from "../core/ui.js";

export function savedScenarioCard(): HTMLElement {
  const saved = loadBestScenario();
  if (!saved) {
    return el(
      "div",
      { class: "card", id: "saved-scenario" },
      el("p", {}, "Belum ada skenario yang disimpan di perangkat ini. Susun dan bandingkan skenario di ", el("a", { href: "./skenario" }, "Perencana skenario"), ", lalu pilih “Simpan skenario terbaik di perangkat ini”.")
    );
  }
  return el(
    "div",
    { class: "card", id: "saved-scenario", "data-saved-at": saved.saved_at },
    el("h3", {}, `Skenario terbaik tersimpan: ${saved.name} `, syntheticBadge()),
    el(
      "p",
      {},
      `${SCENARIO_KAB_NAMES[saved.kab] ?? saved.kab}, ${saved.horizon}: perkiraan ${formatNumber(saved.poor_persons)} jiwa miskin ekstrem ` +
        `(tanpa perubahan program ${formatNumber(saved.status_quo_poor_persons)} jiwa; ${formatNumber(saved.exits_persons)} jiwa keluar), ` +
        `anggaran ${formatRupiah(saved.total_rp)} per tahun (tambahan ${formatRupiah(saved.extra_rp)}).`
    ),
    el("p", { class: "ts-source" }, `Disimpan di perangkat ini pada ${formatDate(saved.saved_at)} · perkiraan model atas registri sintetis · `, el("a", { href: saved.link }, "Buka skenario ini"))
  );
}
