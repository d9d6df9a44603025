// After `observable build`:
// 1. Framework 1.13 has no `lang` option, so set <html lang> from the config on every built page
//    (screen readers and browser translation depend on it); add a skip link as the first focusable
//    element and translate the one English attribute Framework writes (the sidebar toggle's title).
// 2. Rewrite CDN URLs inside bundled libraries to a local dead path (scripts/offline.ts) and fail
//    the build if any CDN host is still named in the site.
// 3. Remove Framework's build cache under src/: it holds the unrewritten library copies and the
//    loaders' outputs, and the next build recreates it anyway.
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import config from "../observablehq.config.js";
import { writeFileAtomic } from "../loaders/lib/atomic.js";
import { DIST_DIR, ROOT } from "../loaders/lib/paths.js";
import { cdnHostsIn, disableCdnUrls } from "./offline.js";
import { FRAMEWORK_ENGLISH, localiseFrameworkHtml, localiseFrameworkScript } from "./page-html.js";

const TEXT_EXTENSIONS = [".html", ".js", ".mjs", ".css", ".json"];

async function filesIn(dir: string, extensions: readonly string[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return filesIn(full, extensions);
      return Promise.resolve(extensions.includes(path.extname(e.name)) ? [full] : []);
    })
  );
  return nested.flat();
}

const pages = await filesIn(DIST_DIR, [".html"]);
for (const file of pages) {
  const html = await readFile(file, "utf8");
  const withLang = html.replace(/<html(\s+lang="[^"]*")?>/, `<html lang="${config.lang}">`);
  if (withLang === html && !html.includes(`<html lang="${config.lang}">`)) throw new Error(`${file}: no <html> tag to set lang on`);
  await writeFileAtomic(file, localiseFrameworkHtml(withLang, file));
}
console.log(`lang="${config.lang}", tautan lompat ke isi, dan judul tombol menu ditetapkan pada ${pages.length} halaman.`);

let rewritten = 0;
const remaining: string[] = [];
const english: string[] = [];
for (const file of await filesIn(DIST_DIR, TEXT_EXTENSIONS)) {
  const original = await readFile(file, "utf8");
  const disabled = disableCdnUrls(original);
  rewritten += disabled.count;
  const isFrameworkScript = path.relative(DIST_DIR, file).startsWith(`_observablehq${path.sep}`) && file.endsWith(".js");
  const text = isFrameworkScript ? localiseFrameworkScript(disabled.text) : disabled.text;
  if (text !== original) await writeFileAtomic(file, text);
  for (const host of cdnHostsIn(text)) remaining.push(`${path.relative(DIST_DIR, file)}: ${host}`);
  for (const phrase of FRAMEWORK_ENGLISH) if (text.includes(phrase)) english.push(`${path.relative(DIST_DIR, file)}: ${phrase}`);
}
if (remaining.length > 0) throw new Error(`Situs masih menyebut host CDN:\n${remaining.join("\n")}`);
if (english.length > 0) throw new Error(`Teks Framework berbahasa Inggris tersisa:\n${english.join("\n")}`);
console.log(`${rewritten} URL CDN di pustaka bawaan dialihkan ke jalur lokal; tidak ada host CDN tersisa di situs.`);

await rm(path.join(ROOT, "src/.observablehq/cache"), { recursive: true, force: true });
