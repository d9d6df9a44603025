// How the extreme-poverty estimates are made, in Indonesian, with the parameters in use.
import { ESTIMATE_LEVEL, INDEX_ROUNDING, P0_RSE_ASSUMED } from "./estimator.js";
import { LINE_PERIOD_TEXT_ID } from "./line-series.js";
import { EXTRAPOLATION_YEARS } from "./ratio-fit.js";
import { VALIDATION_GATE } from "./validation-summary.js";

const pct = (v: number) => `${Math.round(v * 100)}%`;

export const ESTIMATE_METHOD_TEXT_ID = [
  `Perkiraan model, bukan angka resmi BPS. BPS menerbitkan angka kemiskinan ekstrem kabupaten/kota hanya untuk 2022; untuk putaran lain angka diperkirakan dari P0, P1, dan P2 yang diterbitkan BPS untuk setiap wilayah dan putaran (tanpa interpolasi).`,
  `Pengeluaran dinyatakan dalam satuan garis kemiskinan wilayah itu sendiri, lalu model ekor distribusi dipasang pada P0, P1, dan P2: lognormal, ekor pangkat, beta bersyarat, dan Singh–Maddala (ketiga indeks sekaligus). Model dipilih menurut galat leave-one-out terhadap angka terbitan; tabel perbandingan ada di bagian validasi. Kurva Lorenz kuadratik dan beta ala PIP Bank Dunia tidak dapat dipasang karena BPS tidak menerbitkan pangsa Lorenz atau rata-rata pengeluaran per kabupaten/kota.`,
  `Garis ekstrem dinyatakan sebagai rasio efektif r terhadap garis kemiskinan wilayah, yang berubah log-linear menurut waktu. ${LINE_PERIOD_TEXT_ID} Rasio setiap garis dipasang hanya pada angka terbitan garis itu (daftarnya di tabel kalibrasi): tidak ada parameter garis lama yang dipakai untuk garis baru, atau sebaliknya. Perkiraan garis baru sebelum Maret 2024 adalah proyeksi balik garis itu (paling jauh ${EXTRAPOLATION_YEARS} tahun dari titik kalibrasinya).`,
  `Kalibrasi hanya memakai angka terbitan nasional dan angka Banten sendiri (provinsi dan kabupaten/kota); angka terbitan wilayah lain di Indonesia sengaja tidak dipakai agar tetap menjadi uji yang bebas atas metode ini.`,
  `Angka kabupaten/kota diseimbangkan ke provinsi: seperti angka BPS sendiri (jumlah miskin ekstrem kabupaten/kota 2022 sama dengan angka provinsi), jumlah jiwa miskin ekstrem kedelapan kabupaten/kota dibuat sama dengan perkiraan Provinsi Banten, dengan bagian masing-masing menurut modelnya.`,
  `Selang ${pct(ESTIMATE_LEVEL)} menggabungkan ketidakpastian rasio hasil kalibrasi, galat sampling P0 (RSE diasumsikan ${pct(P0_RSE_ASSUMED.kabkota)} untuk kabupaten/kota, ${pct(P0_RSE_ASSUMED.province)} untuk provinsi, ${pct(P0_RSE_ASSUMED.national)} nasional, karena data rujukan tidak memuat RSE BPS), pembulatan P1 dan P2 (± ${String(INDEX_ROUNDING).replace(".", ",")}), sebaran antarmodel, dan suku validasi yang dikalibrasi dari galat leave-one-out sehingga cakupan di luar sampel mencapai ${pct(ESTIMATE_LEVEL)}.`,
  `Model dipakai untuk status hanya bila lolos uji leave-one-out: galat relatif median paling tinggi ${pct(VALIDATION_GATE.medianAbsRelative)} dan paling sedikit ${pct(VALIDATION_GATE.coverage)} angka terbitan berada dalam selangnya. Jumlah jiwa = persentase × basis penduduk BPS (jumlah penduduk miskin ÷ P0); basis ini proyeksi SP2010 dan akan bergeser bila BPS memakai basis baru.`
].join(" ");
