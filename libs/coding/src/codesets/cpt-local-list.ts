import { buildRelease, CodeSetRelease, CptLocalEntry } from './code-set.release';

// CPT descriptors are AMA copyright: we keep only the numbers we bill, with our own short labels
// (billing-rules.md §17). Psychiatry codes are listed from the 2013 restructure [CR2]; testing codes
// from their 2019 introduction, which replaced 96101-96103 [CR19]; 99201 ended with 2020 (§17).
const PSYCHIATRY_2013 = '2013-01-01';
const TESTING_2019 = '2019-01-01';

function listed(code: string, label: string, effectiveFrom = PSYCHIATRY_2013, addOn = false): CptLocalEntry {
  return { code, label, addOn, effectiveFrom };
}

const EVALUATION_AND_MANAGEMENT: CptLocalEntry[] = [
  { ...listed('99201', 'Office visit, new patient, level 1'), effectiveTo: '2020-12-31' },
  ...[2, 3, 4, 5].map((level) => listed(`9920${level}`, `Office visit, new patient, level ${level}`)),
  ...[1, 2, 3, 4, 5].map((level) => listed(`9921${level}`, `Office visit, established patient, level ${level}`)),
];

export const CPT_LOCAL_LIST: readonly CptLocalEntry[] = [
  listed('90785', 'Interactive complexity add-on', PSYCHIATRY_2013, true),
  listed('90791', 'Diagnostic evaluation'),
  listed('90792', 'Diagnostic evaluation with medical services'),
  listed('90832', 'Psychotherapy, about 30 minutes'),
  listed('90833', 'Psychotherapy about 30 minutes, with E/M', PSYCHIATRY_2013, true),
  listed('90834', 'Psychotherapy, about 45 minutes'),
  listed('90836', 'Psychotherapy about 45 minutes, with E/M', PSYCHIATRY_2013, true),
  listed('90837', 'Psychotherapy, about 60 minutes'),
  listed('90838', 'Psychotherapy about 60 minutes, with E/M', PSYCHIATRY_2013, true),
  listed('90839', 'Crisis psychotherapy, first hour'),
  listed('90840', 'Crisis psychotherapy, each further 30 minutes', PSYCHIATRY_2013, true),
  listed('90846', 'Family therapy, client not present'),
  listed('90847', 'Family therapy, client present'),
  listed('90849', 'Multiple-family group therapy'),
  listed('90853', 'Group therapy'),
  listed('90863', 'Medication management add-on by a prescribing psychologist', PSYCHIATRY_2013, true),
  // 96127's start date is general knowledge, not in billing-rules.md (unverified).
  listed('96127', 'Brief behavioral screening, per instrument', '2015-01-01'),
  ...['96101', '96102', '96103'].map((code) => ({ ...listed(code, 'Psychological testing (retired code)'), effectiveTo: '2018-12-31' })),
  listed('96130', 'Psychological test evaluation, first hour', TESTING_2019),
  listed('96131', 'Psychological test evaluation, each further hour', TESTING_2019, true),
  listed('96132', 'Neuropsychological test evaluation, first hour', TESTING_2019),
  listed('96133', 'Neuropsychological test evaluation, each further hour', TESTING_2019, true),
  listed('96136', 'Test administration by a professional, first 30 minutes', TESTING_2019),
  listed('96137', 'Test administration by a professional, each further 30 minutes', TESTING_2019, true),
  listed('96138', 'Test administration by a technician, first 30 minutes', TESTING_2019),
  listed('96139', 'Test administration by a technician, each further 30 minutes', TESTING_2019, true),
  ...EVALUATION_AND_MANAGEMENT,
];

/** Our CPT number list as a release, so results name its version like any imported code set. */
export function localCptRelease(): CodeSetRelease<'cpt_local'> {
  return buildRelease('cpt_local', 'Local CPT number list', { effectiveFrom: '2013-01-01' }, [...CPT_LOCAL_LIST]);
}
