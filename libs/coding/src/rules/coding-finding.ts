import { Cents } from '@revcycle/kernel';

/** Bumped whenever a rule changes what it decides, so each claim line can name the rules that passed it. */
export const RULESET_VERSION = 'bh-coding-2026.11.1';

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface CodingFinding {
  severity: FindingSeverity;
  /** Stable id, `CODING.<AREA>.<RULE>`, never renamed. */
  ruleId: string;
  /** Written for a biller; names codes, never patient data. */
  message: string;
  source: string;
}

/** One suggested claim line. */
export interface CodedLine {
  code: string;
  modifiers: string[];
  units: number;
  placeOfService: string;
  diagnosisPointers: number[];
  chargeCents?: Cents;
  /** What the payer's contract says it pays for the line, when the fee schedule holds it. */
  contractedCents?: Cents;
}

// Source keys of shared/docs/billing-rules.md, with the short name a biller can look up.
const SOURCES = {
  CR1: 'Novitas LCD L35101 psychotherapy guidance',
  CR3: 'psychotherapy billing guide: one code per session',
  CR5: 'E/M with psychotherapy add-on guidance',
  CR6: 'BCBS Illinois psychiatry and psychotherapy policy',
  CR7: 'First Coast (Medicare) behavioral health provider types',
  CR8: 'Medicare guidance on 90791/90792',
  CR9: 'CMS LCD L34616',
  CR11: 'interactive complexity guidelines (2022)',
  CR13: 'crisis psychotherapy 90839/90840 guidance',
  CR16: 'family psychotherapy 90847 guidance',
  CR17: 'family psychotherapy 90846 guidance',
  CR18: 'group and multiple-family group guidance',
  CR20: 'psychological testing billing guide',
  CR21: 'test administration 96136 guidance',
  CR24: '96127 screening guidance',
  HC1: 'H0004 unit rules',
  HC2: 'H2011 unit rules (51% option)',
  HC3: 'T1017 targeted case management',
  MD1: 'NGS Medicare telehealth modifier 95',
  MD3: 'CMS telehealth modifiers FQ/GT',
  MD4: 'CPT audio-only modifier 93',
  MD5: 'HO/AH/AJ credential modifiers',
  MD6: 'HP credential modifier',
  MD8: 'CMS 2015 modifier 59 and X{EPSU}',
  MD9: 'Independence BC NCCI notice',
  PS1: 'NGS Medicare place of service 02',
  PS2: 'telehealth place of service 10',
  PS6: 'payer telehealth POS/modifier differences',
  IC1: 'ICD-10-CM FY2022 F32 changes',
  IC4: 'unspecified diagnosis audit risk',
  DN2: 'denial glossary: CO-11 unspecific diagnosis',
  ICD: 'ICD-10-CM release rules (CMS order file)',
  X837: 'X12 837P: 12 diagnoses, 4 pointers and 4 modifiers per line',
  NCCI: 'CMS NCCI PTP and MUE tables',
  HCPCS: 'CMS HCPCS Level II file',
  CPT: 'local CPT number list (billing-rules.md §17)',
  PAYER: 'payer rule configuration',
} as const;

export type SourceKey = keyof typeof SOURCES;

export function finding(severity: FindingSeverity, ruleId: string, message: string, ...sources: SourceKey[]): CodingFinding {
  return { severity, ruleId, message, source: sources.map((key) => `[${key}] ${SOURCES[key]}`).join('; ') };
}
