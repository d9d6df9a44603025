// How the extreme-poverty estimates are made, in Indonesian, with the parameters in use.
import { INDEX_ROUNDING, INTERPOLATED_SHAPE_UNCERTAINTY, P0_RSE_ASSUMED } from "./extreme-estimate.js";
import { RATIO_DRIFT_PER_YEAR } from "./extreme-ratio.js";
import { VALIDATION_GATE } from "./extreme-model.js";

const pct = (v: number) => `${Math.round(v * 100)}%`;

export const ESTIMATE_METHOD_TEXT_ID = [
  `Perkiraan model, bukan angka resmi BPS. BPS menerbitkan angka kemiskinan ekstrem kabupaten/kota hanya untuk 2022; untuk tahun lain angka diperkirakan dari P0, P1, dan P2 BPS setiap wilayah.`,
  `Pengeluaran dinyatakan dalam satuan garis kemiskinan wilayah itu sendiri (x = pengeluaran ÷ garis), lalu tiga model ekor distribusi dipasang: lognormal (pada P0 dan P1; P2 sebagai pemeriksa), ekor pangkat F(x) = P0·x^α dengan α = P0/P1 − 1, dan beta bersyarat yang memakai P2 secara tepat. Metode data berkelompok Bank Dunia (PIP: kurva Lorenz kuadratik dan beta) menjadi rujukan metode dan uji kelayakannya; BPS tidak menerbitkan pangsa Lorenz kabupaten/kota, sehingga model di sini bekerja langsung pada indeks FGT dengan uji yang sejenis (parameter harus membentuk distribusi yang sah).`,
  `Garis ekstrem dinyatakan sebagai rasio r terhadap garis kemiskinan (sekitar 0,64–0,68): garis ekstrem rupiah yang terbit (Rp322.170 pada 2021, Rp351.957 pada Maret 2023 untuk garis lama; sekitar Rp391.000 untuk garis baru US$2,15 PPP 2017) diinterpolasi log-linear antartahun dan dibagi garis kemiskinan nasional pada putaran yang sama; selang r dilebarkan ${pct(RATIO_DRIFT_PER_YEAR)} per tahun dari titik terbit. Garis lama dan garis baru adalah seri terpisah dan tidak pernah disambung.`,
  `Kalibrasi: faktor κ pada r dipasang pada sembilan angka survei BPS 2022 (Banten dan delapan kabupaten/kota); untuk 2023–2025, faktor tahun λ membuat perkiraan Banten sama dengan bagian penduduk miskin yang miskin ekstrem secara nasional tahun itu dikali rasio Banten terhadap nasional pada 2022. Tahun tanpa kalibrasi tidak diberi perkiraan.`,
  `Selang 80% menggabungkan: sebaran antara ketiga model, selang r, galat sampling P0 (RSE diasumsikan ${pct(P0_RSE_ASSUMED.kabkota)} untuk kabupaten/kota dan ${pct(P0_RSE_ASSUMED.province)} untuk provinsi karena data rujukan tidak memuat RSE BPS), pembulatan P1 dan P2 (± ${String(INDEX_ROUNDING).replace(".", ",")}; ± ${pct(INTERPOLATED_SHAPE_UNCERTAINTY)} bila P1/P2 tahun itu tidak terbit dan diinterpolasi), serta galat validasi terhadap angka terbitan.`,
  `Model hanya dipakai bila lolos validasi: galat relatif median paling tinggi ${pct(VALIDATION_GATE.medianAbsRelative)} dan paling sedikit ${pct(VALIDATION_GATE.coverage)} angka terbitan berada dalam selang 80%-nya. Jumlah jiwa = persentase × basis penduduk BPS (jumlah penduduk miskin ÷ P0); basis ini proyeksi SP2010 dan akan bergeser bila BPS memakai basis baru.`
].join(" ");
