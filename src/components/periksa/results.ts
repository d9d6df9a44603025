// From matched pairs to the tables /periksa shows and exports: people on more than one programme
// list (with funders and the overlap rule), duplicates within a list, invalid NIKs, and families of
// the target list found on no programme list, with counts by kelurahan. Pure: tested in Node.
import type { Issue } from "../domain/registry-rules/issues.js";
import { UNLISTED_PAIR_RULE } from "../domain/programmes.js";
import type { MatchPair, OverlapRuleRow } from "./queries.js";
import type { ListPerson } from "./list-rows.js";

export interface ListInput {
  readonly fileName: string;
  /** Programme code, or null for the target list (daftar sasaran). */
  readonly programme: string | null;
  readonly programmeName: string;
  readonly funder: string;
  readonly people: readonly ListPerson[];
  readonly issues: readonly Issue[];
}

export const TARGET_LABEL = "Daftar sasaran (bukan program)";

export type RuleVerdict = "diperbolehkan" | "duplikasi" | "program sama" | "tidak diatur";

export type OverlapRow = {
  readonly code_a: string;
  readonly code_b: string;
  readonly file_a: string;
  readonly programme_a: string;
  readonly funder_a: string;
  readonly row_a: number;
  readonly name_a: string;
  readonly nik_a: string;
  readonly file_b: string;
  readonly programme_b: string;
  readonly funder_b: string;
  readonly row_b: number;
  readonly name_b: string;
  readonly nik_b: string;
  readonly how: string;
  readonly name_sim: number | null;
  readonly addr_sim: number | null;
  readonly verdict: RuleVerdict;
  readonly allowed: boolean;
  readonly reason: string;
};

export type DuplicateRow = {
  readonly file: string;
  readonly row_a: number;
  readonly name_a: string;
  readonly nik_a: string;
  readonly row_b: number;
  readonly name_b: string;
  readonly nik_b: string;
  readonly how: string;
  readonly name_sim: number | null;
  readonly addr_sim: number | null;
};

export type InvalidNikRow = {
  readonly file: string;
  readonly row: number;
  readonly name: string;
  readonly nik: string;
  readonly code: string;
  readonly message: string;
};

export type UnservedRow = {
  readonly file: string;
  readonly row: number;
  readonly family: string;
  readonly name: string;
  readonly nik: string;
  readonly address: string;
  readonly kelurahan: string;
};

export type UnservedByArea = {
  readonly kelurahan: string;
  readonly families: number;
  readonly unserved: number;
};

export interface PeriksaResults {
  readonly overlaps: OverlapRow[];
  readonly duplicates: DuplicateRow[];
  readonly invalidNiks: InvalidNikRow[];
  /** Null when no target list was opened. */
  readonly unserved: UnservedRow[] | null;
  readonly unservedByArea: UnservedByArea[] | null;
}

const HOW_LABEL = { nik: "NIK sama", nama_alamat: "Nama dan alamat mirip" } as const;
export const NO_AREA = "(kelurahan tidak tertulis)";

/** The rule for two programme codes: same code = duplicate; listed pair = its rule; unlisted = allowed (overlap_rules says so). */
export function ruleFor(a: string, b: string, rules: readonly OverlapRuleRow[]): { verdict: RuleVerdict; allowed: boolean; reason: string } {
  if (a === b) return { verdict: "program sama", allowed: false, reason: "Program yang sama tercatat dua kali untuk orang yang sama." };
  const [x, y] = a < b ? [a, b] : [b, a];
  const rule = rules.find((r) => r.programme_a === x && r.programme_b === y);
  if (!rule) return { verdict: "tidak diatur", allowed: true, reason: UNLISTED_PAIR_RULE };
  return rule.rule === "duplicate" ? { verdict: "duplikasi", allowed: false, reason: rule.reason } : { verdict: "diperbolehkan", allowed: true, reason: rule.reason };
}

export function buildResults(lists: readonly ListInput[], pairs: readonly MatchPair[], rules: readonly OverlapRuleRow[]): PeriksaResults {
  // pid → (list, person), in the order peopleColumns() numbered them.
  const owner: number[] = [];
  const people: ListPerson[] = [];
  lists.forEach((list, index) => {
    for (const person of list.people) {
      owner.push(index);
      people.push(person);
    }
  });
  const overlaps: OverlapRow[] = [];
  const duplicates: DuplicateRow[] = [];
  const servedTarget = new Set<number>();
  for (const pair of pairs) {
    const [la, lb] = [owner[pair.a]!, owner[pair.b]!];
    const [pa, pb] = [people[pair.a]!, people[pair.b]!];
    const [A, B] = [lists[la]!, lists[lb]!];
    const how = HOW_LABEL[pair.how];
    if (la === lb) {
      if (A.programme === null) continue; // the same family twice on the target list is not a programme duplicate
      duplicates.push({ file: A.fileName, row_a: pa.row, name_a: pa.name, nik_a: pa.nikText, row_b: pb.row, name_b: pb.name, nik_b: pb.nikText, how, name_sim: pair.name_sim, addr_sim: pair.addr_sim });
      continue;
    }
    if (A.programme === null || B.programme === null) {
      if (A.programme === null && B.programme !== null) servedTarget.add(pair.a);
      if (B.programme === null && A.programme !== null) servedTarget.add(pair.b);
      continue;
    }
    overlaps.push({
      code_a: A.programme,
      code_b: B.programme,
      file_a: A.fileName,
      programme_a: A.programmeName,
      funder_a: A.funder,
      row_a: pa.row,
      name_a: pa.name,
      nik_a: pa.nikText,
      file_b: B.fileName,
      programme_b: B.programmeName,
      funder_b: B.funder,
      row_b: pb.row,
      name_b: pb.name,
      nik_b: pb.nikText,
      how,
      name_sim: pair.name_sim,
      addr_sim: pair.addr_sim,
      ...ruleFor(A.programme, B.programme, rules)
    });
  }

  const invalidNiks: InvalidNikRow[] = [];
  for (const list of lists) {
    const byRow = new Map(list.people.map((p) => [p.row, p]));
    for (const issue of list.issues) {
      if (issue.severity !== "error" || !issue.code.startsWith("NIK_") || issue.row === null) continue;
      const person = byRow.get(issue.row);
      invalidNiks.push({ file: list.fileName, row: issue.row, name: person?.name ?? "", nik: person?.nikText ?? "", code: issue.code, message: issue.message });
    }
  }

  const hasTarget = lists.some((l) => l.programme === null);
  if (!hasTarget) return { overlaps, duplicates, invalidNiks, unserved: null, unservedByArea: null };
  // A family (NO_KK, else NIK, else its row) is served when any of its members matched a programme list.
  const families = new Map<string, { served: boolean; first: ListPerson; file: string; area: string }>();
  let pid = 0;
  lists.forEach((list) => {
    for (const person of list.people) {
      const id = pid++;
      if (list.programme !== null) continue;
      const key = `${list.fileName}\u0001${person.kk ?? person.nik ?? `baris ${person.row}`}`;
      const family = families.get(key) ?? { served: false, first: person, file: list.fileName, area: person.areaName || NO_AREA };
      if (servedTarget.has(id)) family.served = true;
      families.set(key, family);
    }
  });
  const unserved: UnservedRow[] = [];
  const byArea = new Map<string, { families: number; unserved: number }>();
  for (const family of families.values()) {
    const area = byArea.get(family.area) ?? { families: 0, unserved: 0 };
    area.families++;
    if (!family.served) {
      area.unserved++;
      const p = family.first;
      unserved.push({ file: family.file, row: p.row, family: p.kk ?? "", name: p.name, nik: p.nikText, address: p.address, kelurahan: family.area });
    }
    byArea.set(family.area, area);
  }
  const unservedByArea = [...byArea.entries()]
    .map(([kelurahan, counts]) => ({ kelurahan, ...counts }))
    .sort((a, b) => b.unserved - a.unserved || a.kelurahan.localeCompare(b.kelurahan, "id"));
  return { overlaps, duplicates, invalidNiks, unserved, unservedByArea };
}
