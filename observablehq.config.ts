// Observable Framework configuration. Offline by design: no Google Fonts (globalStylesheets: []),
// every library imported from node_modules, favicon shipped with the site.
import { registryPartitionList } from "./loaders/build.js";
import { partitionTables } from "./src/components/domain/wilayah.js";

const ATTRIBUTION =
  'Batas wilayah: <a href="https://github.com/cahyadsn/wilayah_boundaries">cahyadsn/wilayah_boundaries</a> (MIT, © 2024 Cahya DSN), kode Kemendagri 2025; disederhanakan. ' +
  "Statistik kemiskinan: Badan Pusat Statistik (BPS) sebagaimana dikutip pada halaman Sumber data. " +
  "Tepat Sasaran adalah perangkat lunak sumber terbuka (MIT).";

export default {
  title: "Tepat Sasaran",
  root: "src",
  // A second build (the privacy canary test) writes elsewhere so it never touches dist/.
  output: process.env.TS_DIST_DIR ?? "dist",
  lang: "id",
  globalStylesheets: [],
  style: "style.css",
  head: '<link rel="icon" href="favicon.svg" type="image/svg+xml">',
  footer: ATTRIBUTION,
  search: false,
  pager: false,
  // Framework's default table-of-contents label is English.
  toc: { label: "Daftar isi" },
  // One set of registry tables per kab/kota the registry holds (src/data/registry_*_[kab].parquet.ts).
  async *dynamicPaths() {
    for (const kab of await registryPartitionList()) for (const name of partitionTables(kab)) yield `/data/${name}.parquet`;
  },
  pages: [
    { name: "Kemajuan menuju 2026", path: "/kemajuan" },
    { name: "Perencana skenario", path: "/skenario" },
    { name: "Cakupan & kesenjangan", path: "/cakupan" },
    { name: "Rakor sinkronisasi", path: "/rakor" },
    { name: "Periksa daftar BNBA", path: "/periksa" },
    { name: "Sumber data", path: "/data" }
  ]
};
