// Every assumption of the synthetic registry, in one place. None of these values is a published
// figure: each has a `why` below, and the calibration report shows which published aggregates they
// are tuned to reproduce. Change a value here, not in the SQL.

/** Per-desil values, index 0 = desil 1 (poorest) … index 9 = desil 10. */
export type ByDesil = readonly [number, number, number, number, number, number, number, number, number, number];

export const ASSUMPTIONS = {
  /** Registry snapshot date written to every household. */
  snapshotDate: "2025-03-31",
  /** Year and periods of the synthetic receipts. */
  receiptYear: 2025,
  sembakoPeriod: "2025-09",
  pbiBasePeriod: "2025-01",
  pbiExtraPeriod: "2025-04",

  /** Desil 1 has as many households as the extreme-poverty target list of its kecamatan. */
  targetShareFromDesil1: 0.9,
  /** Strength of the kelurahan "poverty pocket" effect: shift of the latent welfare score, in standard deviations, between the richest and poorest kelurahan (0 = none). */
  pocketStrength: 0.5,
  /** Noise of the proxy-means score that ranks households into registry desil (standard deviations of the latent welfare score). */
  pmtNoise: 0.8,
  /** Log-scale spread of per-capita expenditure above the poverty line (split lognormal; the tail below it is fitted to P0 and the extreme estimate). */
  pceSigmaUpper: 0.72,
  /** Relative household size by desil (normalised so each kab/kota hits its published mean). */
  sizeFactorByDesil: [1.4, 1.28, 1.18, 1.1, 1.04, 1.0, 0.96, 0.92, 0.88, 0.84] as ByDesil,
  maxHouseholdSize: 15,

  /** Vulnerability flag rates by desil. */
  disability: [0.12, 0.1, 0.08, 0.08, 0.06, 0.06, 0.05, 0.05, 0.04, 0.04] as ByDesil,
  elderly: [0.3, 0.28, 0.26, 0.25, 0.24, 0.23, 0.22, 0.21, 0.2, 0.2] as ByDesil,
  /** Only households with 3 or more members can have an out-of-school child. */
  outOfSchoolChild: [0.12, 0.09, 0.06, 0.05, 0.03, 0.02, 0.02, 0.01, 0.01, 0.01] as ByDesil,
  unfitHouse: [0.35, 0.25, 0.15, 0.1, 0.05, 0.03, 0.02, 0.01, 0.01, 0.01] as ByDesil,
  noHealthInsurance: [0.15, 0.14, 0.12, 0.12, 0.1, 0.08, 0.07, 0.06, 0.05, 0.05] as ByDesil,
  /** Target households missing from every programme list are mostly uninsured too. */
  noHealthInsuranceUnlisted: 0.6,
  femaleHead: [0.18, 0.16, 0.14, 0.14, 0.12, 0.12, 0.11, 0.1, 0.1, 0.1] as ByDesil,

  /** Share of Kota Serang's untouched target households that live in Kasemen and Taktakan ("most"). */
  untouchedShareKasemenTaktakan: 0.6,

  /** National programme coverage by desil (Bernoulli per listed household). null = calibrated. */
  pbiApbnCoverage: [0.8, 0.75, 0.6, 0.5, 0.3, null, null, null, null, null] as const,
  pkhCoverage: [0.45, 0.35, 0.22, 0.12, 0.05, 0.005, 0.005, 0.005, 0.005, 0.005] as ByDesil,
  bpntCoverage: [0.65, 0.55, 0.4, 0.25, 0.1, 0.015, 0.015, 0.015, 0.015, 0.015] as ByDesil,

  /** Kota Serang sembako: main pool desil ≤ 2 (target-list households weighted ×2), leakage from desil 3–5. */
  sembakoKota: { mainDesilMax: 2, targetWeight: 2, leakage: 0.12, leakDesil: [3, 5] as const },
  /**
   * Province packages: drawn from desil ≤ 3 (one desil above the catalogue's eligible_desil_max of 2, i.e. deliberate
   * leakage), weighted towards the poorest; neglected-children packages favour households with an out-of-school child.
   */
  sembakoProvinsi: { desilMax: 3, outOfSchoolWeight: 3 },
  /** Orphan support: desil ≤ 4; 15 % of recipient households have two orphans. */
  yatimPiatu: { desilMax: 4, shareTwoOrphans: 0.15 },
  /** PBI APBD: base quota to insured desil ≤ 5 without APBN cover, 5 % of base persons duplicated with APBN. */
  pbiApbd: { baseDesilMax: 5, baseDuplicateShare: 0.05, extraDesilMax: 4, extraLeakage: 0.1, extraLeakDesil: [5, 7] as const },
  /** CSR houses: unfit houses in desil ≤ 4, 10 % to desil 5–6. */
  rtlhCsr: { desilMax: 4, leakage: 0.1, leakDesil: [5, 6] as const }
} as const;

/** Why each assumption is what it is; printed in the README and checked for completeness by the tests. */
export const ASSUMPTION_BASIS: Record<keyof typeof ASSUMPTIONS, string> = {
  snapshotDate: "Satu snapshot registri gabungan; dipilih sebelum tambahan kuota PBI April 2025 agar flag tanpa JKN bermakna.",
  receiptYear: "Alokasi seed terbanyak untuk 2025.",
  sembakoPeriod: "Penyaluran sembako kota mulai pekan setelah 11 Sep 2025; paket provinsi 23 Sep 2025 (seed 000, 001).",
  pbiBasePeriod: "Periode PBI = bulan awal kepesertaan pada 2025.",
  pbiExtraPeriod: "Tambahan kuota dibahas dalam rapat sinkronisasi 10 Apr 2025 (seed 004); kepesertaan dianggap mulai April.",
  targetShareFromDesil1: "P3KE miskin ekstrem ≈ desil 1, tetapi daftar tidak sempurna: 10 % sasaran berasal dari desil 2.",
  pocketStrength: "Kemiskinan mengelompok per kelurahan (kantong kemiskinan); kekuatan dipilih agar terlihat di peta tanpa mendominasi.",
  pmtNoise: "Peringkat desil registri memakai skor proxy-means yang tidak sempurna: korelasi dengan kesejahteraan 1/√(1 + 0,8²) ≈ 0,78 (R² ≈ 0,6, kisaran yang lazim dilaporkan untuk PMT); selisih daftar dan survei muncul sebagai salah sasaran.",
  pceSigmaUpper: "Sebaran di atas garis kemiskinan: σ = √2·Φ⁻¹((1 + G)/2) dengan rasio Gini G ≈ 0,39 (angka Banten sekitar 0,39 seperti dikutip dalam issue 9); asumsi, bukan angka terbitan dalam data rujukan.",
  sizeFactorByDesil: "Rumah tangga miskin lebih besar (pola umum Susenas); faktor relatif, rata-rata tetap sama dengan angka Dukcapil.",
  maxHouseholdSize: "Batas atas wajar ukuran rumah tangga.",
  disability: "Tingkat masuk akal, lebih tinggi pada desil bawah; bukan angka terbit.",
  elderly: "Tingkat masuk akal; bukan angka terbit.",
  outOfSchoolChild: "Tingkat masuk akal, lebih tinggi pada desil bawah; bukan angka terbit.",
  unfitHouse: "RTLH terpusat pada desil bawah; bukan angka terbit.",
  noHealthInsurance: "Cakupan JKN tinggi tetapi belum universal; bukan angka terbit.",
  noHealthInsuranceUnlisted: "Rumah tangga yang tidak ada di daftar program mana pun umumnya juga tidak punya PBI.",
  femaleHead: "Tingkat masuk akal; bukan angka terbit.",
  untouchedShareKasemenTaktakan: "Sumber hanya menyebut 'terbanyak di Kasemen dan Taktakan'; 60 % memenuhi 'terbanyak'.",
  pbiApbnCoverage: "Cakupan PBI APBN tidak dipublikasikan per desil; desil 6–10 dikalibrasi ke 11.319 jiwa yang dinonaktifkan (SK Mensos 3/2026).",
  pkhCoverage: "Jumlah PKH Kota/Kab. Serang tidak ditemukan; cakupan menurun menurut desil dengan kesalahan inklusi kecil. Hanya rumah tangga yang punya komponen PKH yang dapat menerima: ≥ 3 anggota (proksi anak/ibu hamil), lansia, atau penyandang disabilitas.",
  bpntCoverage: "Jumlah BPNT tidak ditemukan; cakupan menurun menurut desil. Sasaran yang ada di daftar tetapi belum menerima PKH/PBI mendapat BPNT, sehingga rumah tangga sasaran yang tidak tersentuh tepat sama dengan yang tidak ada di daftar.",
  sembakoKota: "Paket untuk miskin ekstrem (desil 1–2), dengan kebocoran 12 % ke desil 3–5; sisa 1.811 paket dibagi ke Serang dan Curug sebanding jumlah sasaran.",
  sembakoProvinsi: "Penerima terverifikasi BNBA: penyandang disabilitas dan anak terlantar dari keluarga miskin; desil 3 (di atas eligible_desil_max katalog = 2) sengaja diikutkan sebagai kebocoran kecil.",
  yatimPiatu: "1.436 anak tersebar di rumah tangga miskin; sebagian rumah tangga mengasuh dua anak yatim piatu.",
  pbiApbd: "Kuota dasar 16.000 jiwa untuk yang belum dibiayai APBN (sebagian kecil ganda, sesuai keluhan tidak tepat sasaran); tambahan 10.000 jiwa untuk warga miskin tanpa jaminan kesehatan (seed 004), kebocoran 10 %.",
  rtlhCsr: "400 rumah untuk rumah tidak layak huni keluarga kurang mampu, kebocoran 10 %."
};

/**
 * Assumptions about the structure of the registry (how households are placed), not numbers. They are
 * listed here so that every assumption of the synthetic registry is stated in one place; the README
 * repeats them and the tests check that each one is stated.
 */
export const STRUCTURAL_ASSUMPTIONS = {
  kecamatanByDesaCount:
    "Asumsi: rumah tangga tiap kab/kota disebar ke kecamatannya sebanding jumlah desa/kelurahan (regions.csv, dari admin_desa_banten.csv), karena jumlah penduduk atau KK per kecamatan tidak ada dalam rujukan; kecamatan yang jumlah penduduknya terbit (Taktakan, Kasemen) memakai angka itu (kotaSerangKecamatan).",
  kabSerangHouseholds:
    "Asumsi: Kab. Serang 500.000 rumah tangga (perkiraan desain, DESIGN.md §6); jumlah KK Kab. Serang tidak ditemukan dalam rujukan.",
  otherKabkotaHouseholds:
    "Asumsi: Banten 3,3 juta rumah tangga (perkiraan desain, DESIGN.md §6); enam kab/kota selain Kota dan Kab. Serang mendapat sisanya sebanding penduduk Kepmendagri 2025, karena jumlah KK mereka tidak ada dalam rujukan; jumlah jiwa mereka = penduduk Kepmendagri 2025 (terbit).",
  kotaSerangKecamatan:
    "Turunan: rumah tangga Kec. Taktakan dan Kasemen = penduduk terbit ÷ rata-rata jiwa per KK kota (687.881 ÷ 206.578); empat kecamatan lain berbagi sisanya sebanding jumlah kelurahan (asumsi).",
  kelurahanEqual:
    "Asumsi: rumah tangga dibagi rata ke desa/kelurahan dalam kecamatan (tidak ada angka penduduk per desa/kelurahan); kantong kemiskinan dibuat lewat efek desa/kelurahan pada peringkat desil (pocketStrength).",
  desilShape:
    "Turunan dan asumsi: desil 1 = jumlah KK daftar sasaran; desil 2–4 = 46.000 KK miskin P3KE Kota Serang dikurangi daftar sasaran, dibagi menurut bentuk DTSEN desil 2–4 Kota Cilegon (satu-satunya sebaran desil terbit di Banten); desil 5 menurut rasio Cilegon desil 5/desil 4; desil 6–10 berbagi sisanya sama rata. Bagian desil 2–5 yang sama dipakai untuk setiap kab/kota.",
  expenditureShape:
    "Turunan: pengeluaran per kapita tiap kab/kota dari sebarannya sendiri di sekitar GK-nya (distribution.ts): log-normal terbelah pada skor kesejahteraan laten, ekor bawah melalui P0 BPS 2025 dan perkiraan model kemiskinan ekstrem 2025 pada garis ekstrem = r × GK (poverty_lines); sebaran di atas GK = pceSigmaUpper (asumsi).",
  targetListOutsideKotaSerang:
    "Asumsi: di luar Kota Serang, daftar sasaran (Kemenko PMK Nov 2023, dibulatkan) dibagi ke kecamatan sebanding rumah tangga dikali faktor kantong acak 0,5–1,5 (seed), karena rincian kecamatan tidak terbit.",
  gapOutsideKotaSerang:
    "Asumsi: di luar Kota Serang, bagian KK sasaran yang belum tersentuh program sama dengan Kota Serang (3.784 ÷ 8.799).",
  nationalProgrammesEverywhere:
    "Asumsi: program pusat (PKH, BPNT, PBI APBN) dibangkitkan di setiap kab/kota dengan cakupan per desil yang sama (pkhCoverage, bpntCoverage, pbiApbnCoverage); cakupan PBI APBN desil 6–10 yang dikalibrasi ke 11.319 jiwa Kota Serang dipakai juga di kab/kota lain, karena angka per kab/kota tidak terbit.",
  localProgrammesKotaSerangOnly:
    "Asumsi: program daerah (sembako kota/provinsi, yatim piatu, PBI APBD, RTLH CSR) hanya dibangkitkan untuk Kota Serang, karena hanya Kota Serang yang alokasinya terbit; kab/kota lain hanya menerima program pusat. Bantuan tunai miskin ekstrem Provinsi (alokasi 2023 per kab/kota terbit) tidak dibangkitkan (lihat README)."
} as const;
