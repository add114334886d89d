import fc from 'fast-check';
import { centsToDecimal, decimalToCents, x12DateToLocal } from './values';

describe('decimalToCents', () => {
  it.each([
    ['150', 15000],
    ['150.5', 15050],
    ['-42.58', -4258],
    ['.5', 50],
    ['1.', 100],
    ['1.270', 127],
    ['-0', 0],
    ['0.01', 1],
  ])('reads %s exactly', (text, cents) => {
    expect(decimalToCents(text)).toBe(cents);
  });

  it.each(['', '-', '.', '+1', '1e3', '1.275', '1,00', ' 1', '12345678901234567'])('refuses %j', (text) => {
    expect(decimalToCents(text)).toBeUndefined();
  });

  it('round-trips every cent amount through centsToDecimal', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => decimalToCents(centsToDecimal(cents)) === cents));
  });
});

describe('x12DateToLocal', () => {
  it('accepts real dates and refuses impossible ones', () => {
    expect(x12DateToLocal('20240229')).toBe('2024-02-29');
    expect(x12DateToLocal('20230229')).toBeUndefined();
    expect(x12DateToLocal('20002316')).toBeUndefined();
    expect(x12DateToLocal('2024021')).toBeUndefined();
  });
});
