import { daysBetween, isWithin, LocalDate } from '@revcycle/kernel';

import { AnyCodeSetRelease, CodeSetEntryByKind, CodeSetKind, CodeSetRelease } from './code-set.release';

/** What a lookup by date of service found: no release covers the date, or the release and its matches. */
export type CodeSetLookup<K extends CodeSetKind> =
  | { covered: false; kind: K }
  | { covered: true; release: CodeSetRelease<K>; entries: readonly CodeSetEntryByKind[K][] };

// HCPCS and NCCI are published every quarter (billing-rules.md, ground rules): an open-ended release
// older than this for the date of service is still used, but flagged as possibly out of date.
export const PUBLICATION_CADENCE_DAYS: Partial<Record<CodeSetKind, number>> = {
  hcpcs: 92,
  hcpcs_modifier: 92,
  ncci_ptp: 92,
  ncci_mue: 92,
};

type AnyEntry = CodeSetEntryByKind[CodeSetKind];

function keyOf(kind: CodeSetKind, entry: AnyEntry): string {
  if (kind === 'ncci_ptp') {
    const pair = entry as CodeSetEntryByKind['ncci_ptp'];
    return `${pair.column1}|${pair.column2}`;
  }
  return (entry as { code: string }).code;
}

/** Several releases per kind, held in memory; lookups choose the release in force on the date of service. */
export class CodeSetCatalog {
  private readonly byKind = new Map<CodeSetKind, AnyCodeSetRelease[]>();
  private readonly indexes = new Map<string, Map<string, AnyEntry[]>>();

  /** Adding a release already held (same release id) changes nothing. */
  add(release: AnyCodeSetRelease): 'added' | 'already_loaded' {
    const releases = this.byKind.get(release.kind) ?? [];
    if (releases.some((held) => held.releaseId === release.releaseId)) return 'already_loaded';
    this.byKind.set(release.kind, [...releases, release]);
    return 'added';
  }

  releases(kind: CodeSetKind): readonly AnyCodeSetRelease[] {
    return this.byKind.get(kind) ?? [];
  }

  /** The release with the latest start covering the date; among equal starts the one added last. */
  releaseFor<K extends CodeSetKind>(kind: K, dateOfService: LocalDate): CodeSetRelease<K> | undefined {
    let chosen: AnyCodeSetRelease | undefined;
    for (const release of this.releases(kind)) {
      if (isWithin(dateOfService, release.effectiveFrom, release.effectiveTo) && (!chosen || release.effectiveFrom >= chosen.effectiveFrom)) {
        chosen = release;
      }
    }
    return chosen as CodeSetRelease<K> | undefined;
  }

  /** Entries of `key` (a code, or `column1|column2` for NCCI pairs) in the release covering the date. */
  lookup<K extends CodeSetKind>(kind: K, dateOfService: LocalDate, key: string): CodeSetLookup<K> {
    const release = this.releaseFor(kind, dateOfService);
    if (!release) return { covered: false, kind };
    const entries = (this.indexOf(release, keyOf).get(key) ?? []) as CodeSetEntryByKind[K][];
    return { covered: true, release, entries };
  }

  /** ICD-10-CM codes of a three-character category (F32 → F32, F320 … F32A) in the release covering the date. */
  icdCategory(dateOfService: LocalDate, category: string): CodeSetLookup<'icd10cm'> {
    const release = this.releaseFor('icd10cm', dateOfService);
    if (!release) return { covered: false, kind: 'icd10cm' };
    const index = this.indexOf(release, (_kind, entry) => (entry as { code: string }).code.slice(0, 3), 'category');
    return { covered: true, release, entries: (index.get(category) ?? []) as CodeSetEntryByKind['icd10cm'][] };
  }

  /** True when an open-ended quarterly release is older than one publication cycle for the date. */
  mayBeOutdated(release: CodeSetRelease, dateOfService: LocalDate): boolean {
    const cadence = PUBLICATION_CADENCE_DAYS[release.kind];
    return cadence !== undefined && release.effectiveTo === undefined && daysBetween(release.effectiveFrom, dateOfService) > cadence;
  }

  private indexOf(release: CodeSetRelease, key: (kind: CodeSetKind, entry: AnyEntry) => string, name = 'key'): Map<string, AnyEntry[]> {
    const id = `${release.releaseId}#${name}`;
    let index = this.indexes.get(id);
    if (!index) {
      index = new Map();
      for (const entry of release.entries as AnyEntry[]) {
        const value = key(release.kind, entry);
        const bucket = index.get(value);
        if (bucket) bucket.push(entry);
        else index.set(value, [entry]);
      }
      this.indexes.set(id, index);
    }
    return index;
  }
}
