// `npm run data -- validate <file> [--kind registry|receipts] [--json] [--sheet <nama|n>] [--kab <kode>]`
// Checks one BNBA or beneficiary file without loading anything: exit 0 when the file could be read
// (whatever was rejected), 1 with one Indonesian sentence when it cannot be interpreted, 2 for
// wrong arguments. No pseudonym key is needed. The printed report and the full report written to
// data/private/reports/ quote cell content: both are for the data officer, never published.
import path from "node:path";
import { loadReceiptManifest } from "../programmes/receipts-manifest.js";
import { PRIVATE_DIR } from "../lib/paths.js";
import { checkFile, FILE_KINDS, type CheckFileOptions, type FileKind } from "./check-file.js";
import { SiteSettingsError } from "./columns.js";
import { loadRegistryManifest } from "./registry-manifest.js";
import { loadSiteSettings, MANIFEST_FILE, RECEIPTS_SUBDIR, REGISTRY_SUBDIR } from "./site.js";
import { UnreadableFileError } from "./table-reader.js";
import { writePrivateReport } from "./private-report.js";
import { formatCount, formatReport, reportJson } from "./validate-report.js";

export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIO: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text)
};

export const VALIDATE_USAGE =
  "Penggunaan: npm run data -- validate <berkas> [--kind registry|receipts] [--json] [--sheet <nama|nomor>] [--kab <kode kab/kota>] [--private-dir <folder>]";

interface ValidateArgs {
  file: string;
  kind?: FileKind;
  json: boolean;
  sheet?: string | number;
  kab?: string;
  privateDir: string;
}

function parseArgs(argv: readonly string[]): ValidateArgs | string {
  const args: Partial<ValidateArgs> & { json: boolean; privateDir: string } = { json: false, privateDir: PRIVATE_DIR };
  const valueOf = (i: number, name: string): string | undefined => {
    const inline = argv[i]!.startsWith(`${name}=`) ? argv[i]!.slice(name.length + 1) : undefined;
    return inline ?? argv[i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.split("=", 1)[0]!;
    const inline = arg.includes("=");
    if (arg === "--json") args.json = true;
    else if (name === "--kind" || name === "--sheet" || name === "--kab" || name === "--private-dir") {
      const value = valueOf(i, name);
      if (value === undefined || value === "") return `Opsi ${name} memerlukan nilai.`;
      if (!inline) i++;
      if (name === "--kind") {
        if (!(FILE_KINDS as readonly string[]).includes(value)) return `Nilai --kind harus registry atau receipts, bukan "${value}".`;
        args.kind = value as FileKind;
      } else if (name === "--sheet") args.sheet = /^\d+$/.test(value) ? Number(value) : value;
      else if (name === "--kab") {
        const kab = value.replaceAll(".", "");
        if (!/^\d{4}$/.test(kab)) return `Nilai --kab harus kode kabupaten/kota 4 digit (mis. 3673), bukan "${value}".`;
        args.kab = kab;
      } else args.privateDir = path.resolve(value);
    } else if (arg.startsWith("--")) return `Opsi tidak dikenal: ${arg}.`;
    else if (args.file === undefined) args.file = arg;
    else return `Hanya satu berkas yang dapat diperiksa sekaligus (kelebihan: ${arg}).`;
  }
  if (args.file === undefined) return "Sebutkan berkas yang akan diperiksa.";
  return args as ValidateArgs;
}

/** Manifest details when the file sits in the private folder: sheet, kab/kota, programme. */
async function manifestOptions(file: string, privateDir: string): Promise<Partial<CheckFileOptions>> {
  const resolved = path.resolve(file);
  const folder = path.dirname(resolved);
  const name = path.basename(resolved);
  if (folder === path.join(privateDir, REGISTRY_SUBDIR)) {
    const entry = (await loadRegistryManifest(path.join(folder, MANIFEST_FILE))).entries.get(name);
    return entry ? { ...(entry.sheet ? { sheet: entry.sheet } : {}), defaultKab: entry.kabKode } : {};
  }
  if (folder === path.join(privateDir, RECEIPTS_SUBDIR)) {
    const entry = (await loadReceiptManifest(path.join(folder, MANIFEST_FILE))).entries.get(name);
    return entry
      ? {
          ...(entry.sheet ? { sheet: entry.sheet } : {}),
          defaultKab: entry.kabKode,
          programme: { programmeCode: entry.programmeCode, funder: entry.funder, period: entry.period }
        }
      : {};
  }
  return {};
}

/** Runs the validate command; `argv` are the arguments after "validate". Resolves to the exit code. */
export async function runValidateCommand(argv: readonly string[], io: CommandIO = processIO): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    io.stderr(`${args}\n${VALIDATE_USAGE}\n`);
    return 2;
  }
  try {
    const site = await loadSiteSettings(args.privateDir);
    const fromManifest = await manifestOptions(args.file, args.privateDir);
    const report = await checkFile({
      ...fromManifest,
      path: args.file,
      label: args.file,
      resolver: site.resolver,
      regions: site.regions,
      ...(args.kind ? { kind: args.kind } : {}),
      ...(args.sheet !== undefined ? { sheet: args.sheet } : {}),
      ...(args.kab ? { defaultKab: args.kab } : {}),
      onProgress: (rows) => io.stderr(`  ${formatCount(rows)} baris diperiksa…\n`)
    });
    io.stdout(args.json ? `${JSON.stringify(reportJson(report), null, 2)}\n` : formatReport(report));
    const written = await writePrivateReport(
      args.privateDir,
      `validate-${path.basename(args.file)}`,
      `Laporan lengkap pemeriksaan ${args.file}: ${formatCount(report.rows)} baris dibaca, ${formatCount(report.accepted)} diterima, ${formatCount(report.rejected)} ditolak.`,
      report.issues
    );
    io.stderr(`Laporan lengkap dengan isi sel (hanya untuk petugas data): ${written}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UnreadableFileError || error instanceof SiteSettingsError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
