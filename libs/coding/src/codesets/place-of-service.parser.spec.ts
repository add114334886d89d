import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parsePlaceOfServiceFile } from './place-of-service.parser';

const FILE = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'codesets', 'pos', 'place_of_service.csv');

describe('place of service importer', () => {
  const release = parsePlaceOfServiceFile(readFileSync(FILE, 'utf8'), 'place_of_service.csv', { effectiveFrom: '2023-09-01' });

  it('keeps the 52 assigned codes and leaves the unassigned ones out', () => {
    expect(release.entryCount).toBe(52);
    expect(release.entries.some((entry) => entry.name === 'Unassigned')).toBe(false);
  });

  it('has the telehealth codes 02 and 10 with their CMS names', () => {
    const names = Object.fromEntries(release.entries.map((entry) => [entry.code, entry.name]));
    expect(names['02']).toBe('Telehealth Provided Other than in Patient’s Home');
    expect(names['10']).toBe('Telehealth Provided in Patient’s Home');
    expect(names['11']).toBe('Office');
  });

  it('needs the date the list took effect, since the file has none', () => {
    expect(() => parsePlaceOfServiceFile('code,name,description\n11,Office,x\n', 'pos.csv')).toThrow(/line 0: .*pass effectiveFrom/);
  });

  it('refuses a code that is not two digits, naming the line', () => {
    const text = 'code,name,description\n11,Office,x\n1,Pharmacy,x\n';
    expect(() => parsePlaceOfServiceFile(text, 'pos.csv', { effectiveFrom: '2023-09-01' })).toThrow(/line 3: "1" is not a two-digit/);
  });

  it('reads quoted fields with commas and doubled quotes', () => {
    const text = 'code,name,description\r\n11,Office,"A place, where ""care"" is given"\r\n';
    const parsed = parsePlaceOfServiceFile(text, 'pos.csv', { effectiveFrom: '2023-09-01' });
    expect(parsed.entries[0].description).toBe('A place, where "care" is given');
  });

  it('names an unclosed quote', () => {
    const text = 'code,name,description\n11,Office,"never closed\n';
    expect(() => parsePlaceOfServiceFile(text, 'pos.csv', { effectiveFrom: '2023-09-01' })).toThrow(/line 2: a quoted field is never closed/);
  });
});
