import { LocalDate } from '@revcycle/kernel';

import { CodeSetCatalog, CodeSetLookup } from '../codesets/code-set.catalog';
import { CodeSetEntryByKind, CodeSetKind } from '../codesets/code-set.release';
import { CodingFinding, finding, SourceKey } from './coding-finding';

const KIND_NAMES: Record<CodeSetKind, [string, SourceKey]> = {
  icd10cm: ['ICD-10-CM', 'ICD'],
  hcpcs: ['HCPCS Level II', 'HCPCS'],
  hcpcs_modifier: ['HCPCS Level II modifier', 'HCPCS'],
  place_of_service: ['place of service', 'PS1'],
  ncci_ptp: ['NCCI procedure-to-procedure', 'NCCI'],
  ncci_mue: ['NCCI MUE', 'NCCI'],
  cpt_local: ['local CPT list', 'CPT'],
};

/**
 * The catalog as one evaluation sees it: one date of service, the release ids it consulted (reported in
 * the result), and a finding per kind when no release covers the date, which is never a silent pass.
 */
export class CodeSetView {
  readonly usedReleaseIds = new Set<string>();
  readonly findings: CodingFinding[] = [];
  private readonly reported = new Set<CodeSetKind>();

  constructor(
    private readonly catalog: CodeSetCatalog,
    readonly dateOfService: LocalDate,
  ) {}

  /** Entries under `key`, or undefined when no loaded release covers the date of service. */
  find<K extends CodeSetKind>(kind: K, key: string): readonly CodeSetEntryByKind[K][] | undefined {
    return this.seen(kind, this.catalog.lookup(kind, this.dateOfService, key));
  }

  /** The ICD-10-CM codes of a three-character category, or undefined when no release covers the date. */
  icdCategory(category: string): readonly CodeSetEntryByKind['icd10cm'][] | undefined {
    return this.seen('icd10cm', this.catalog.icdCategory(this.dateOfService, category));
  }

  private seen<K extends CodeSetKind>(kind: K, found: CodeSetLookup<K>): readonly CodeSetEntryByKind[K][] | undefined {
    const firstTime = !this.reported.has(kind);
    this.reported.add(kind);
    const [name, source] = KIND_NAMES[kind];
    if (!found.covered) {
      if (firstTime) {
        const message = `No loaded ${name} release covers ${this.dateOfService}; import the code set in force on that date.`;
        this.findings.push(finding('error', 'CODING.CODESET.NO_RELEASE_FOR_DATE', message, source));
      }
      return undefined;
    }
    this.usedReleaseIds.add(found.release.releaseId);
    if (firstTime && this.catalog.mayBeOutdated(found.release, this.dateOfService)) {
      const message = `The ${name} release in use took effect ${found.release.effectiveFrom}; newer quarterly changes may exist for ${this.dateOfService}.`;
      this.findings.push(finding('warning', 'CODING.CODESET.RELEASE_MAY_BE_OUTDATED', message, source));
    }
    return found.entries;
  }
}
