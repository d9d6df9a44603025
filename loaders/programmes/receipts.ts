// Programme beneficiary lists → programme_receipts rows. Each row names a recipient by NIK and/or
// NO_KK; the household is the NO_KK (or, for NIK-only rows, the NO_KK the registry lists for that
// NIK), and hh_id is its keyed hash, the same as registry_households.hh_id, so the two join.
import type { RowHandler, RowView } from "../../src/components/domain/registry-rules/check-table.js";
import type { RegistryLookup } from "../registry/households.js";
import { checkIdentity } from "../../src/components/domain/registry-rules/identity.js";
import { cellIssue, hasError, type CellIssue } from "../../src/components/domain/registry-rules/issues.js";
import { readNumber } from "../registry/registry-rows.js";
import { isBlank } from "../../src/components/domain/registry-rules/values.js";

/** What the manifest says about one file (programme, funder, period), plus where its rows go. */
export interface ReceiptFileContext {
  readonly file: string;
  readonly programmeCode: string;
  readonly funder: string;
  readonly period: string;
  /** Kab/kota for households not in the registry (manifest kab_kode); else the NO_KK prefix is used. */
  readonly defaultKab: string | null;
  readonly source: string;
}

/** One row of programme_receipts (column names and order as PROGRAMME_RECEIPTS_SCHEMA). */
export type ReceiptRow = {
  readonly hh_id: string;
  readonly kab_kode: string;
  readonly programme_code: string;
  readonly funder: string;
  readonly period: string;
  readonly units: number | null;
  readonly value_rp: number | null;
  readonly source: string;
};

interface ReceiptDraft {
  /** NO_KK, or "NIK:<nik>" while validating a file on its own (no registry to resolve it). */
  readonly household: string;
  readonly kab: string;
  readonly programmeCode: string;
  readonly funder: string;
  readonly period: string;
  units: number | null;
  value: number | null;
  readonly source: string;
  readonly file: string;
  readonly line: number;
}

function addNullable(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : a + b;
}

/** Receipts across files: duplicates by recipient, sums per household × programme × funder × period. */
export class ReceiptAccumulator {
  private readonly recipients = new Map<string, { file: string; line: number }>();
  private readonly drafts = new Map<string, ReceiptDraft>();

  get size(): number {
    return this.drafts.size;
  }

  recipientSeen(key: string): { file: string; line: number } | undefined {
    return this.recipients.get(key);
  }

  /** Adds a checked row; returns RECEIPT_AGGREGATED when the household already has this receipt. */
  add(recipientKey: string, draft: Omit<ReceiptDraft, "units" | "value"> & { units: number | null; value: number | null }): CellIssue[] {
    this.recipients.set(recipientKey, { file: draft.file, line: draft.line });
    const key = `${draft.programmeCode}\u0001${draft.funder}\u0001${draft.period}\u0001${draft.household}`;
    const existing = this.drafts.get(key);
    if (!existing) {
      this.drafts.set(key, { ...draft });
      return [];
    }
    existing.units = addNullable(existing.units, draft.units);
    existing.value = addNullable(existing.value, draft.value);
    const at = existing.file === draft.file ? `baris ${existing.line}` : `baris ${existing.line} berkas ${existing.file}`;
    return [cellIssue("RECEIPT_AGGREGATED", null, `Anggota lain rumah tangga ini sudah tercatat untuk program dan periode yang sama (${at}); jumlah dan nilai dijumlahkan.`)];
  }

  /** Rows for programme_receipts; NIK-only placeholders (validation without a registry) are left out. */
  finish(pseudonymise: (value: string) => string): ReceiptRow[] {
    const rows: ReceiptRow[] = [];
    for (const draft of this.drafts.values()) {
      if (draft.household.startsWith("NIK:")) continue;
      rows.push({
        hh_id: pseudonymise(draft.household),
        kab_kode: draft.kab,
        programme_code: draft.programmeCode,
        funder: draft.funder,
        period: draft.period,
        units: draft.units,
        value_rp: draft.value,
        source: draft.source
      });
    }
    return rows;
  }
}

export class ReceiptRowHandler implements RowHandler {
  constructor(
    private readonly context: ReceiptFileContext,
    private readonly receipts: ReceiptAccumulator,
    /** The registry of this ingest; null when a file is validated on its own. */
    private readonly registry: RegistryLookup | null,
    private readonly bantenKabKota: ReadonlySet<string>
  ) {}

  handle(row: RowView): CellIssue[] {
    const issues: CellIssue[] = [];
    const nikCell = row.cell("NIK");
    const kkCell = row.cell("NO_KK");
    if (isBlank(nikCell) && isBlank(kkCell)) {
      issues.push(cellIssue("RECIPIENT_MISSING", row.has("NIK") ? "NIK" : "NO_KK", "NIK dan NO_KK penerima kosong."));
    }
    let nik: string | null = null;
    let kk: string | null = null;
    if (!isBlank(nikCell)) {
      const checked = checkIdentity(nikCell, "NIK", this.bantenKabKota);
      issues.push(...checked.issues);
      nik = checked.value;
    }
    if (!isBlank(kkCell)) {
      const checked = checkIdentity(kkCell, "NO_KK", this.bantenKabKota);
      issues.push(...checked.issues);
      kk = checked.value;
    }
    if (nik !== null && nik === kk) issues.push(cellIssue("NO_KK_EQUALS_NIK", "NO_KK", "NO_KK sama dengan NIK; kemungkinan kolom tersalin."));

    const units = readNumber(row.cell("JUMLAH"), "JUMLAH");
    if (units.issue) issues.push(units.issue);
    else if (units.value !== null && units.value <= 0) issues.push(cellIssue("UNITS_RANGE", "JUMLAH", "JUMLAH harus lebih dari 0."));
    const value = readNumber(row.cell("NILAI"), "NILAI");
    if (value.issue) issues.push(value.issue);
    else if (value.value !== null && value.value < 0) issues.push(cellIssue("VALUE_RANGE", "NILAI", "NILAI tidak boleh negatif."));
    if (hasError(issues)) return issues;

    const recipientKey = `${this.context.programmeCode}\u0001${this.context.funder}\u0001${this.context.period}\u0001${nik ?? `KK:${kk}`}`;
    const seen = this.receipts.recipientSeen(recipientKey);
    if (seen) {
      const at = seen.file === this.context.file ? `baris ${seen.line}` : `baris ${seen.line} berkas ${seen.file}`;
      issues.push(cellIssue("RECEIPT_DUPLICATE", nik ? "NIK" : "NO_KK", `Penerima yang sama sudah tercatat untuk program, penyandang dana, dan periode yang sama (${at}).`));
      return issues;
    }

    let household = kk;
    if (this.registry && nik !== null) {
      const registered = this.registry.householdOfNik(nik);
      if (household === null) {
        if (registered === undefined) {
          issues.push(cellIssue("RECEIPT_NIK_UNRESOLVED", "NIK", "Hanya NIK yang diisi dan NIK ini tidak ada di registri, sehingga rumah tangganya tidak diketahui."));
          return issues;
        }
        household = registered;
      } else if (registered !== undefined && registered !== household) {
        issues.push(cellIssue("RECEIPT_KK_MISMATCH", "NO_KK", "Registri mencatat NIK ini pada NO_KK lain; NO_KK pada baris ini yang dipakai."));
      }
    }
    const registeredHousehold = household !== null && this.registry ? this.registry.household(household) : undefined;
    if (household !== null && this.registry && !registeredHousehold) {
      issues.push(cellIssue("RECEIPT_NOT_IN_REGISTRY", "NO_KK", "Rumah tangga ini tidak ada di registri; penerimaan tetap dicatat (kemungkinan salah sasaran)."));
    }
    const key = household ?? `NIK:${nik}`;
    const kab = registeredHousehold?.kab ?? this.context.defaultKab ?? (household ?? nik ?? "").slice(0, 4);
    issues.push(
      ...this.receipts.add(recipientKey, {
        household: key,
        kab,
        programmeCode: this.context.programmeCode,
        funder: this.context.funder,
        period: this.context.period,
        units: units.value,
        value: value.value,
        source: this.context.source,
        file: this.context.file,
        line: row.line
      })
    );
    return issues;
  }
}
