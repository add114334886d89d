import { createHash } from 'node:crypto';
import { canonicalJson, isLocalDate, LocalDate } from '@revcycle/kernel';

import { CodeSetFileInvalid, CodeSetIssueLog } from './code-set.errors';

// One release per import of an official file; the kinds follow the CMS publications (billing-rules.md §17)
// plus our own CPT number list, which is data we maintain rather than a file we import.
export const IMPORTABLE_CODE_SET_KINDS = [
  'icd10cm',
  'hcpcs',
  'hcpcs_modifier',
  'place_of_service',
  'ncci_ptp',
  'ncci_mue',
] as const;
export type ImportableCodeSetKind = (typeof IMPORTABLE_CODE_SET_KINDS)[number];
export type CodeSetKind = ImportableCodeSetKind | 'cpt_local';

export interface Icd10cmEntry {
  code: string;
  billable: boolean;
  longDescription: string;
  shortDescription?: string;
  order?: number;
}

export interface HcpcsEntry {
  code: string;
  longDescription: string;
  shortDescription: string;
  addedOn: LocalDate;
  actionEffectiveOn: LocalDate;
  terminatedOn?: LocalDate;
  actionCode: string;
}

export interface PlaceOfServiceEntry {
  code: string;
  name: string;
  description: string;
}

export type NcciModifierIndicator = 0 | 1 | 9;

export interface NcciPtpEntry {
  column1: string;
  column2: string;
  effectiveFrom?: LocalDate;
  deletedOn?: LocalDate;
  modifierIndicator: NcciModifierIndicator;
  rationale: string;
}

export interface NcciMueEntry {
  code: string;
  maxUnits: number;
  adjudicationIndicator: 1 | 2 | 3;
  rationale: string;
}

export interface CptLocalEntry {
  code: string;
  label: string;
  addOn: boolean;
  effectiveFrom: LocalDate;
  effectiveTo?: LocalDate;
}

export interface CodeSetEntryByKind {
  icd10cm: Icd10cmEntry;
  hcpcs: HcpcsEntry;
  hcpcs_modifier: HcpcsEntry;
  place_of_service: PlaceOfServiceEntry;
  ncci_ptp: NcciPtpEntry;
  ncci_mue: NcciMueEntry;
  cpt_local: CptLocalEntry;
}

export interface CodeSetPeriod {
  effectiveFrom: LocalDate;
  effectiveTo?: LocalDate;
}

/**
 * A versioned release: plain JSON (integers, strings, booleans) so it can be stored as an event payload
 * or rows. `releaseId` derives from the content, so importing the same file twice yields the same id.
 */
export interface CodeSetRelease<K extends CodeSetKind = CodeSetKind> extends CodeSetPeriod {
  kind: K;
  releaseId: string;
  label: string;
  contentHash: string;
  entryCount: number;
  entries: readonly CodeSetEntryByKind[K][];
}

export type AnyCodeSetRelease = { [K in CodeSetKind]: CodeSetRelease<K> }[CodeSetKind];

/** Options every parser accepts; the CLI passes `onProgress` to drive its progress bar. */
export interface CodeSetParseOptions extends Partial<CodeSetPeriod> {
  label?: string;
  onProgress?: (done: number, total: number) => void;
}

export function buildRelease<K extends CodeSetKind>(
  kind: K,
  label: string,
  period: CodeSetPeriod,
  entries: CodeSetEntryByKind[K][],
): CodeSetRelease<K> {
  const { effectiveFrom, effectiveTo } = period;
  if (!isLocalDate(effectiveFrom) || (effectiveTo !== undefined && !isLocalDate(effectiveTo))) {
    throw new CodeSetFileInvalid(kind, [{ line: 0, message: 'the effective period must be YYYY-MM-DD dates' }]);
  }
  if (effectiveTo !== undefined && effectiveTo < effectiveFrom) {
    throw new CodeSetFileInvalid(kind, [{ line: 0, message: `effectiveTo ${effectiveTo} is before effectiveFrom ${effectiveFrom}` }]);
  }
  // The label is left out of the hash: renaming a release must not make the same content look new.
  const contentHash = createHash('sha256')
    .update(canonicalJson({ kind, effectiveFrom, effectiveTo, entries }))
    .digest('hex');
  return {
    kind,
    releaseId: `${kind}:${effectiveFrom}:${contentHash.slice(0, 16)}`,
    label,
    effectiveFrom,
    ...(effectiveTo === undefined ? {} : { effectiveTo }),
    contentHash,
    entryCount: entries.length,
    entries,
  };
}

/**
 * Ends a parse: fails with every issue collected, else builds the release. A period passed by the caller
 * wins over the one the file implies; with neither, `missingPeriod` says what to pass.
 */
export function completeRelease<K extends CodeSetKind>(
  kind: K,
  issues: CodeSetIssueLog,
  options: CodeSetParseOptions,
  implied: { label: string; period?: CodeSetPeriod; missingPeriod: string },
  entries: CodeSetEntryByKind[K][],
): CodeSetRelease<K> {
  const period = options.effectiveFrom ? { effectiveFrom: options.effectiveFrom, effectiveTo: options.effectiveTo } : implied.period;
  if (!period) issues.add(0, implied.missingPeriod);
  issues.throwIfAny();
  return buildRelease(kind, options.label ?? implied.label, period!, entries);
}

/** Calls the progress callback every `step` items and once at the end. */
export function progressReporter(total: number, onProgress?: (done: number, total: number) => void, step = 500) {
  return (done: number): void => {
    if (onProgress && (done === total || done % step === 0)) onProgress(done, total);
  };
}
