import { CodeSetCatalog } from '../codesets/code-set.catalog';
import { buildRelease, NcciPtpEntry } from '../codesets/code-set.release';
import { loadDefaultSeed } from '../codesets/default-seed';
import { CodeSetView } from './code-set.view';
import { CheckedLine } from './line-checks';
import { checkMedicallyUnlikelyEdits, checkNcciPairs } from './ncci-edits';

const seed = loadDefaultSeed();
const line = (code: string, modifiers: string[] = [], units = 1, distinctServiceReason?: string): CheckedLine => ({
  code,
  modifiers,
  units,
  diagnosisPointers: [1],
  distinctServiceReason,
});
const ids = (findings: { ruleId: string }[]) => findings.map((f) => f.ruleId);

describe('NCCI procedure-to-procedure edits (2024 Q3 practitioner extract)', () => {
  const view = () => new CodeSetView(seed, '2026-03-04');

  it.each([
    ['90791 with 99213 (indicator 0)', [line('90791'), line('99213')], ['CODING.NCCI.PAIR_NOT_ALLOWED']],
    ['90847 with 90846 (indicator 1), no modifier', [line('90846'), line('90847')], ['CODING.NCCI.DISTINCT_SERVICE_MODIFIER_REQUIRED']],
    ['90847 with 59 but no reason', [line('90846'), line('90847', ['59'])], ['CODING.NCCI.DISTINCT_SERVICE_REASON_MISSING']],
    ['90847 with XE and a reason', [line('90846'), line('90847', ['XE'], 1, 'separate session in the afternoon')], ['CODING.NCCI.PAIR_BYPASSED']],
    ['the modifier on the comprehensive code instead', [line('90846', ['59'], 1, 'reason'), line('90847')], ['CODING.NCCI.DISTINCT_SERVICE_MODIFIER_REQUIRED']],
    ['99212 with 99213 and 25 on the component E/M', [line('99213'), line('99212', ['25'], 1, 'separate problem')], ['CODING.NCCI.PAIR_BYPASSED']],
    ['an add-on with its E/M (no edit)', [line('99214'), line('90836')], []],
  ])('given %s, then %j', (_case, lines, expected) => {
    expect(ids(checkNcciPairs(lines, view()))).toEqual(expected);
  });

  it('names the pair and the fix in the message', () => {
    const [found] = checkNcciPairs([line('90846'), line('90847')], view());
    expect(found.message).toBe('90847 with 90846 is bundled (NCCI) unless the services are distinct: add 59 or XE/XS/XP/XU to 90847 with the reason.');
    expect(found.source).toContain('[NCCI]');
  });
});

describe('NCCI edits by date of service', () => {
  const edit = (modifierIndicator: 0 | 1 | 9, deletedOn?: string): NcciPtpEntry => ({
    column1: '90791',
    column2: '90832',
    modifierIndicator,
    rationale: '',
    ...(deletedOn ? { deletedOn } : {}),
  });
  const catalog = new CodeSetCatalog();
  catalog.add(buildRelease('ncci_ptp', 'test', { effectiveFrom: '2015-01-01' }, [edit(9, '2016-01-01'), edit(1, '2020-01-01'), edit(0)]));

  it.each([
    ['2015-06-01', []],
    ['2019-12-31', ['CODING.NCCI.DISTINCT_SERVICE_MODIFIER_REQUIRED']],
    ['2020-01-01', ['CODING.NCCI.PAIR_NOT_ALLOWED']],
  ])('given a date of service %s, then the edit in force gives %j', (date, expected) => {
    expect(ids(checkNcciPairs([line('90791'), line('90832')], new CodeSetView(catalog, date)))).toEqual(expected);
  });

  it('reports a missing NCCI release once, as an error', () => {
    const view = new CodeSetView(catalog, '2014-01-01');
    expect(checkNcciPairs([line('90791'), line('90832'), line('90785')], view)).toEqual([]);
    expect(ids(view.findings)).toEqual(['CODING.CODESET.NO_RELEASE_FOR_DATE']);
  });
});

describe('medically unlikely edits', () => {
  const view = () => new CodeSetView(seed, '2026-03-04');
  it.each([
    [[line('90840', [], 3)], []],
    [[line('90840', [], 4)], ['CODING.NCCI.MUE_EXCEEDED']],
    [[line('96127', [], 2), line('96127', [], 2)], ['CODING.NCCI.MUE_EXCEEDED']],
    [[line('90837', [], 2)], []],
    [[line('H2015', [], 40)], []],
  ])('given %j, then %j', (lines, expected) => {
    expect(ids(checkMedicallyUnlikelyEdits(lines, view()))).toEqual(expected);
  });
});
