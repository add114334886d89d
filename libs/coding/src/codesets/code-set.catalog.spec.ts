import { CodeSetCatalog } from './code-set.catalog';
import { buildRelease, Icd10cmEntry, NcciMueEntry } from './code-set.release';
import { CodeSetFileInvalid } from './code-set.errors';

const icd = (code: string, billable = true): Icd10cmEntry => ({ code, billable, longDescription: code });
const fy2021 = buildRelease('icd10cm', 'FY2021', { effectiveFrom: '2020-10-01', effectiveTo: '2021-09-30' }, [icd('F32', false), icd('F329')]);
const fy2022 = buildRelease('icd10cm', 'FY2022', { effectiveFrom: '2021-10-01', effectiveTo: '2022-09-30' }, [icd('F32', false), icd('F329'), icd('F32A')]);
const mue = (maxUnits: number): NcciMueEntry => ({ code: '96127', maxUnits, adjudicationIndicator: 3, rationale: '' });

describe('code-set catalog', () => {
  it('adds a release once; the same release again is a no-op', () => {
    const catalog = new CodeSetCatalog();
    expect(catalog.add(fy2021)).toBe('added');
    const again = buildRelease('icd10cm', 'renamed', { effectiveFrom: '2020-10-01', effectiveTo: '2021-09-30' }, [icd('F32', false), icd('F329')]);
    expect(catalog.add(again)).toBe('already_loaded');
    expect(catalog.releases('icd10cm')).toHaveLength(1);
  });

  it.each([
    ['2020-09-30', undefined],
    ['2020-10-01', 'FY2021'],
    ['2021-09-30', 'FY2021'],
    ['2021-10-01', 'FY2022'],
    ['2022-09-30', 'FY2022'],
    ['2022-10-01', undefined],
  ])('given FY2021 and FY2022, when the date of service is %s, then the release is %s', (date, label) => {
    const catalog = new CodeSetCatalog();
    catalog.add(fy2022);
    catalog.add(fy2021);
    expect(catalog.releaseFor('icd10cm', date)?.label).toBe(label);
  });

  it('finds F32A only from 2021-10-01 and says when no release covers the date', () => {
    const catalog = new CodeSetCatalog();
    [fy2021, fy2022].forEach((release) => catalog.add(release));
    expect(catalog.lookup('icd10cm', '2021-09-30', 'F32A')).toMatchObject({ covered: true, entries: [] });
    expect(catalog.lookup('icd10cm', '2021-10-01', 'F32A')).toMatchObject({ covered: true, entries: [{ code: 'F32A' }] });
    expect(catalog.lookup('icd10cm', '2019-01-01', 'F32A')).toEqual({ covered: false, kind: 'icd10cm' });
  });

  it('lists the codes of a category', () => {
    const catalog = new CodeSetCatalog();
    catalog.add(fy2022);
    const found = catalog.icdCategory('2022-01-01', 'F32');
    expect(found.covered && found.entries.map((entry) => entry.code)).toEqual(['F32', 'F329', 'F32A']);
  });

  it('uses the later of two open-ended releases once it takes effect', () => {
    const catalog = new CodeSetCatalog();
    catalog.add(buildRelease('ncci_mue', 'Q3', { effectiveFrom: '2024-07-01' }, [mue(3)]));
    catalog.add(buildRelease('ncci_mue', 'Q4', { effectiveFrom: '2024-10-01' }, [mue(4)]));
    const unitsOn = (date: string) => {
      const found = catalog.lookup('ncci_mue', date, '96127');
      return found.covered ? found.entries[0].maxUnits : undefined;
    };
    expect([unitsOn('2024-06-30'), unitsOn('2024-09-30'), unitsOn('2024-10-01'), unitsOn('2030-01-01')]).toEqual([undefined, 3, 4, 4]);
  });

  it('flags an open-ended quarterly release used more than a quarter after it took effect', () => {
    const catalog = new CodeSetCatalog();
    const q3 = buildRelease('ncci_mue', 'Q3', { effectiveFrom: '2024-07-01' }, [mue(3)]);
    expect(catalog.mayBeOutdated(q3, '2024-09-30')).toBe(false);
    expect(catalog.mayBeOutdated(q3, '2024-10-02')).toBe(true);
    expect(catalog.mayBeOutdated(fy2021, '2021-09-30')).toBe(false);
  });

  it('refuses a release whose period ends before it starts', () => {
    expect(() => buildRelease('ncci_mue', 'bad', { effectiveFrom: '2024-07-01', effectiveTo: '2024-06-30' }, [])).toThrow(CodeSetFileInvalid);
  });
});
