import { isValidNpi } from './npi';

describe('NPI check digit (Luhn over the 80840 prefix)', () => {
  it('accepts the CMS worked example 1234567893', () => {
    expect(isValidNpi('1234567893')).toBe(true);
  });

  it('rejects the same number with any other check digit', () => {
    for (const last of '012456789') {
      expect(isValidNpi(`123456789${last}`)).toBe(false);
    }
  });

  it('rejects a transposition of two adjacent digits', () => {
    expect(isValidNpi('1243567893')).toBe(false);
  });

  it('rejects numbers that are not ten digits starting with 1 or 2', () => {
    expect(isValidNpi('123456789')).toBe(false);
    expect(isValidNpi('12345678930')).toBe(false);
    expect(isValidNpi('3234567893')).toBe(false);
    expect(isValidNpi('12345a7893')).toBe(false);
  });
});
