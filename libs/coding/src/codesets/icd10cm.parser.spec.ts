import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CodeSetFileInvalid } from './code-set.errors';
import { looksLikeIcd10cmOrderFile, parseIcd10cmCodesFile, parseIcd10cmOrderFile } from './icd10cm.parser';

const SHARED = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'codesets', 'icd10cm');
const ORDER = 'icd10cm_order_2026_bh_subset.txt';
const CODES = 'icd10cm_codes_2026_bh_subset.txt';
const read = (name: string) => readFileSync(join(SHARED, name), 'utf8');

function orderLine(order: number, code: string, flag: string, short: string, long = short): string {
  return `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${flag} ${short.padEnd(60)} ${long}`;
}

function issuesOf(parse: () => unknown): { line: number; message: string }[] {
  try {
    parse();
  } catch (error) {
    if (error instanceof CodeSetFileInvalid) return error.issues;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('ICD-10-CM order file importer', () => {
  const release = parseIcd10cmOrderFile(read(ORDER), ORDER);

  it('reads every line of the FY2026 extract, headers and billable codes', () => {
    expect(release.entryCount).toBe(3158);
    expect(release.entries.filter((entry) => entry.billable)).toHaveLength(2425);
  });

  it('takes the fiscal year from the file name: 1 October to 30 September', () => {
    expect([release.effectiveFrom, release.effectiveTo]).toEqual(['2025-10-01', '2026-09-30']);
  });

  it('keeps F32 as a header and F32A as billable, with their descriptions and order numbers', () => {
    const f32 = release.entries.find((entry) => entry.code === 'F32');
    const f32a = release.entries.find((entry) => entry.code === 'F32A');
    expect(f32).toMatchObject({ billable: false, shortDescription: 'Depressive episode', order: 5935 });
    expect(f32a).toMatchObject({ billable: true, longDescription: 'Depression, unspecified', order: 5946 });
  });

  it('lists exactly the billable codes of the codes file', () => {
    const codes = parseIcd10cmCodesFile(read(CODES), CODES);
    const billable = release.entries.filter((entry) => entry.billable).map((entry) => entry.code);
    expect(billable).toEqual(codes.entries.map((entry) => entry.code));
    expect(codes.effectiveFrom).toBe('2025-10-01');
  });

  it('reads the CMS format sample of the full file', () => {
    const first50 = parseIcd10cmOrderFile(read('icd10cm_order_2026_first50.txt'), 'icd10cm_order_2026_first50.txt');
    expect(first50.entries[0]).toMatchObject({ code: 'A00', billable: false, order: 1 });
    expect(first50.entryCount).toBe(50);
  });

  it('gives the same release id to the same file read twice, and to its LF copy', () => {
    const again = parseIcd10cmOrderFile(read(ORDER), ORDER);
    const lf = parseIcd10cmOrderFile(read(ORDER).replace(/\r\n/g, '\n'), ORDER);
    expect(again.releaseId).toBe(release.releaseId);
    expect(lf.releaseId).toBe(release.releaseId);
  });

  it('gives a different id when one description changes', () => {
    const changed = parseIcd10cmOrderFile(read(ORDER).replace('Depression, unspecified', 'Depression, not specified'), ORDER);
    expect(changed.releaseId).not.toBe(release.releaseId);
  });

  it('reports progress up to the total line count', () => {
    const calls: [number, number][] = [];
    parseIcd10cmOrderFile(read(ORDER), ORDER, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls[calls.length - 1]).toEqual([3158, 3158]);
    expect(calls.length).toBeGreaterThan(2);
  });

  it('recognises the order layout by its leading order number', () => {
    expect(looksLikeIcd10cmOrderFile(read(ORDER))).toBe(true);
    expect(looksLikeIcd10cmOrderFile(read(CODES))).toBe(false);
  });
});

describe('ICD-10-CM importer refuses malformed files with line numbers', () => {
  const good = orderLine(1, 'F32', '0', 'Depressive episode');
  const name = 'icd10cm_order_2026.txt';

  it.each([
    ['a code column one character too narrow', `00002 F320   1 ${'Mild'.padEnd(60)} Mild`, 2, 'fixed-width layout'],
    ['a flag other than 0 or 1', orderLine(2, 'F320', '2', 'Mild'), 2, 'fixed-width layout'],
    ['a short description cut short', `00002 F320    1 Mild Mild`, 2, 'fixed-width layout'],
    ['a code that is not ICD-shaped', orderLine(2, '32F', '1', 'Mild'), 2, 'fixed-width layout'],
    ['a code listed twice', good, 2, 'appears twice'],
  ])('given %s, when imported, then line %i is named', (_case, badLine, line, message) => {
    const issues = issuesOf(() => parseIcd10cmOrderFile(`${good}\r\n${badLine}\r\n`, name));
    expect(issues[0].line).toBe(line);
    expect(issues[0].message).toContain(message);
  });

  it('refuses a file whose name gives no fiscal year unless a period is passed', () => {
    expect(issuesOf(() => parseIcd10cmOrderFile(`${good}\r\n`, 'order.txt'))[0].message).toContain('no effective period');
    const release = parseIcd10cmOrderFile(`${good}\r\n`, 'order.txt', { effectiveFrom: '2020-10-01', effectiveTo: '2021-09-30' });
    expect(release.effectiveTo).toBe('2021-09-30');
  });

  it('refuses a codes-file line without the blank column', () => {
    const issues = issuesOf(() => parseIcd10cmCodesFile('F320    Mild\nF3210000Bad\n', 'icd10cm_codes_2026.txt'));
    expect(issues).toEqual([{ line: 2, message: expect.stringContaining('fixed-width') }]);
  });

  it('puts the first problems in the error message', () => {
    expect(() => parseIcd10cmOrderFile('garbage\r\n', name)).toThrow(/line 1: does not match/);
  });
});
