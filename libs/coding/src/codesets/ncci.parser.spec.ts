import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CodeSetFileInvalid } from './code-set.errors';
import { parseNcciMueFile } from './ncci-mue.parser';
import { parseNcciPtpFile } from './ncci-ptp.parser';

const SHARED = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'codesets', 'ncci');
const PTP = 'ncci_ptp_practitioner_2024q3_bh.csv';
const MUE = 'ncci_mue_practitioner_2024q3_bh.csv';
const read = (name: string) => readFileSync(join(SHARED, name), 'utf8');
const PTP_HEADER = 'column1,column2,deletion_date,modifier_indicator,ptp_edit_rationale,file_version';

function firstIssue(parse: () => unknown) {
  try {
    parse();
  } catch (error) {
    if (error instanceof CodeSetFileInvalid) return error.issues[0];
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('NCCI PTP importer', () => {
  const release = parseNcciPtpFile(read(PTP), PTP);

  it('reads every pair of the 2024 Q3 extract, dated by the quarter in file_version', () => {
    expect(release.entryCount).toBe(1072);
    expect(release.effectiveFrom).toBe('2024-07-01');
    expect(release.entries.filter((edit) => edit.deletedOn === undefined)).toHaveLength(510);
  });

  it('keeps modifier indicators and deletion dates, 9999-12-31 meaning still active', () => {
    const pairs = release.entries.filter((edit) => edit.column1 === '90846' && edit.column2 === '90847');
    expect(pairs).toEqual([
      expect.objectContaining({ deletedOn: '2019-12-31', modifierIndicator: 1 }),
      expect.not.objectContaining({ deletedOn: expect.anything() }),
    ]);
    expect([0, 1, 9].map((n) => release.entries.filter((edit) => edit.modifierIndicator === n).length)).toEqual([550, 463, 59]);
  });

  it('reads the effective-date column of the CMS tables when present', () => {
    const text = 'column1,column2,effective_date,deletion_date,modifier_indicator\n90791,90832,2020-01-01,*,0\n';
    const parsed = parseNcciPtpFile(text, 'ptp.csv', { effectiveFrom: '2025-01-01' });
    expect(parsed.entries[0]).toEqual({ column1: '90791', column2: '90832', effectiveFrom: '2020-01-01', modifierIndicator: 0, rationale: '' });
  });

  it.each([
    ['an unknown modifier indicator', '90791,90832,9999-12-31,2,x,effective 2024-07-01', 'modifier indicator "2"'],
    ['a bad deletion date', '90791,90832,2019-13-01,0,x,effective 2024-07-01', 'deletion date "2019-13-01"'],
    ['a code of the wrong shape', '9079,90832,9999-12-31,0,x,effective 2024-07-01', 'pair of procedure codes'],
  ])('given %s, when imported, then line 2 is named', (_case, row, message) => {
    expect(firstIssue(() => parseNcciPtpFile(`${PTP_HEADER}\n${row}\n`, 'ptp.csv'))).toEqual({ line: 2, message: expect.stringContaining(message) });
  });

  it('needs a quarter from the file or the caller', () => {
    expect(firstIssue(() => parseNcciPtpFile(`${PTP_HEADER}\n90791,90832,*,0,x,none\n`, 'ptp.csv')).message).toContain('pass effectiveFrom');
  });
});

describe('NCCI MUE importer', () => {
  it('reads the 47 practitioner values of 2024 Q3', () => {
    const release = parseNcciMueFile(read(MUE), MUE);
    expect(release.entryCount).toBe(47);
    expect(release.effectiveFrom).toBe('2024-07-01');
    expect(release.entries.find((mue) => mue.code === '96127')).toMatchObject({ maxUnits: 3, adjudicationIndicator: 3 });
  });

  it.each([
    ['a value that is not a whole number', '96127,three,3,x,effective 2024-07-01', 'MUE value "three"'],
    ['an adjudication indicator out of range', '96127,3,4,x,effective 2024-07-01', 'adjudication indicator "4"'],
  ])('given %s, when imported, then line 2 is named', (_case, row, message) => {
    const text = `hcpcs_cpt_code,practitioner_mue_value,mue_adjudication_indicator,mue_rationale,file_version\n${row}\n`;
    expect(firstIssue(() => parseNcciMueFile(text, 'mue.csv'))).toEqual({ line: 2, message: expect.stringContaining(message) });
  });
});
