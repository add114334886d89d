import { assertCents, formatCents, parseDecimalToCents } from './money';

describe('money in integer cents', () => {
  it.each([
    ['125', 12500],
    ['125.5', 12550],
    ['125.50', 12550],
    ['0.07', 7],
    ['-3.07', -307],
    [' 42.10 ', 4210],
  ])('parses %p exactly as %p cents', (text, cents) => {
    expect(parseDecimalToCents(text)).toBe(cents);
  });

  it.each(['1.234', '+5', '1e3', 'abc', '', '1.', '.5'])('refuses %p rather than rounding or guessing', (text) => {
    expect(parseDecimalToCents(text)).toBeUndefined();
  });

  it('parses values floats would get wrong', () => {
    // 0.1 + 0.2 style drift: 1.15 * 100 is 114.99999999999999 as a float.
    expect(parseDecimalToCents('1.15')).toBe(115);
    expect(parseDecimalToCents('4.35')).toBe(435);
  });

  it.each([
    [12550, '125.50'],
    [7, '0.07'],
    [-307, '-3.07'],
    [0, '0.00'],
  ])('formats %p cents as %p', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  it('refuses a fractional cent amount', () => {
    expect(() => assertCents(10.5, 'chargeCents')).toThrow(
      expect.objectContaining({ violations: [{ path: 'chargeCents', message: 'must be an integer number of cents' }] }),
    );
    expect(assertCents(1050)).toBe(1050);
  });
});
