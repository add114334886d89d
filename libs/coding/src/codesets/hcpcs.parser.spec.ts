import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CodeSetFileInvalid } from './code-set.errors';
import { parseHcpcsFile } from './hcpcs.parser';

const SHARED = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'codesets', 'hcpcs');
const CODES = 'HCPC2025_OCT_ANWEB_bh_codes.csv';
const MODIFIERS = 'HCPC2025_OCT_ANWEB_bh_modifiers.csv';
const read = (name: string) => readFileSync(join(SHARED, name), 'utf8');
const HEADER = 'HCPC,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,ADD DT,ACT EFF DT,TERM DT,ACTION CD';

describe('HCPCS Level II importer', () => {
  it('reads the procedure records of the October 2025 extract with their dates', () => {
    const release = parseHcpcsFile('hcpcs', read(CODES), CODES);
    expect(release.entryCount).toBe(103);
    expect(release.effectiveFrom).toBe('2025-10-01');
    expect(release.effectiveTo).toBeUndefined();
    expect(release.entries.find((entry) => entry.code === 'T1017')).toMatchObject({
      longDescription: 'Targeted case management, each 15 minutes',
      addedOn: '2002-07-01',
      actionEffectiveOn: '2002-07-01',
    });
  });

  it('reads modifiers, dropping the leading spaces of the official sheet', () => {
    const release = parseHcpcsFile('hcpcs_modifier', read(MODIFIERS), MODIFIERS);
    expect(release.entryCount).toBe(33);
    expect(release.entries.map((entry) => entry.code)).toEqual(expect.arrayContaining(['AH', 'FQ', 'HO', 'XU', 'GT']));
  });

  it('takes only the requested record type from a file holding both', () => {
    const both = [HEADER, 'H0004,3,"Counseling, per 15 minutes",Counseling,20010101,20030101,,N', '   HO,7,Masters degree level,Masters,19980101,19980101,,N'].join('\n');
    expect(parseHcpcsFile('hcpcs', both, 'x.csv').entries.map((entry) => entry.code)).toEqual(['H0004']);
    expect(parseHcpcsFile('hcpcs_modifier', both, 'x.csv').entries.map((entry) => entry.code)).toEqual(['HO']);
  });

  it('joins continuation records to the long description', () => {
    const text = [HEADER, 'H0004,3,Behavioral health counseling,Counseling,20010101,20030101,,N', 'H0004,4,and therapy,,,,,'].join('\n');
    expect(parseHcpcsFile('hcpcs', text, 'x.csv').entries[0].longDescription).toBe('Behavioral health counseling and therapy');
  });

  it('without a quarter in the file name, dates the release by its latest action date', () => {
    const text = [HEADER, 'H0004,3,A,A,20010101,20030101,,N', 'H2015,3,B,B,20030401,20030401,20251231,D'].join('\n');
    const release = parseHcpcsFile('hcpcs', text, 'hcpcs.csv');
    expect(release.effectiveFrom).toBe('2003-04-01');
    expect(release.entries[1].terminatedOn).toBe('2025-12-31');
  });

  it.each([
    ['a date that is not YYYYMMDD', 'H0004,3,A,A,2001-01-01,20030101,,N', 'ADD DT and ACT EFF DT'],
    ['an impossible termination date', 'H0004,3,A,A,20010101,20030101,20251340,N', 'TERM DT'],
    ['a code of the wrong shape', 'H04,3,A,A,20010101,20030101,,N', 'is not a HCPCS code'],
    ['a short row', 'H0004,3,A,A,20010101', 'expected 8 fields'],
  ])('given %s, when imported, then the error names line 3', (_case, row, message) => {
    const text = [HEADER, 'H0001,3,A,A,20010101,20030101,,N', row].join('\n');
    try {
      parseHcpcsFile('hcpcs', text, 'x.csv');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(CodeSetFileInvalid);
      expect((error as CodeSetFileInvalid).issues[0]).toEqual({ line: 3, message: expect.stringContaining(message) });
    }
  });

  it('refuses a file without the official columns', () => {
    expect(() => parseHcpcsFile('hcpcs', 'code,description\nH0004,x\n', 'x.csv')).toThrow(/line 1: missing column\(s\) HCPC, RECID/);
  });
});
