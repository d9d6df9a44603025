// After `observable build`: Framework 1.13 has no `lang` option, so set <html lang> from the
// config on every built page (screen readers and browser translation depend on it).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import config from "../observablehq.config.js";
import { writeFileAtomic } from "../loaders/lib/atomic.js";
import { DIST_DIR } from "../loaders/lib/paths.js";

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? htmlFiles(path.join(dir, e.name)) : Promise.resolve(e.name.endsWith(".html") ? [path.join(dir, e.name)] : [])))
  );
  return nested.flat();
}

const files = await htmlFiles(DIST_DIR);
for (const file of files) {
  const html = await readFile(file, "utf8");
  const updated = html.replace(/<html(\s+lang="[^"]*")?>/, `<html lang="${config.lang}">`);
  if (updated === html && !html.includes(`<html lang="${config.lang}">`)) throw new Error(`${file}: no <html> tag to set lang on`);
  await writeFileAtomic(file, updated);
}
console.log(`lang="${config.lang}" ditetapkan pada ${files.length} halaman.`);
