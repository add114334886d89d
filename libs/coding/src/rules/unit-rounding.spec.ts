import fc from 'fast-check';

import { unitsForMinutes } from './unit-rounding';

describe('15-minute unit rounding', () => {
  it.each([
    [0, 0],
    [7, 0],
    [8, 1],
    [22, 1],
    [23, 2],
    [37, 2],
    [38, 3],
    [52, 3],
    [53, 4],
  ])('given %i minutes, then the CMS 8-minute rule bills %i unit(s)', (given, units) => {
    expect(unitsForMinutes(given, 'cms_8_minute')).toBe(units);
  });

  it('agrees with the 51% rule on 15-minute units', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 480 }), (m) => unitsForMinutes(m, 'cms_8_minute') === unitsForMinutes(m, 'fifty_one_percent')));
  });

  it.each([
    [30, 'cms_8_minute', 15, 0],
    [30, 'cms_8_minute', 16, 1],
    [30, 'fifty_one_percent', 15, 0],
    [30, 'fifty_one_percent', 16, 1],
    [200, 'cms_8_minute', 101, 1],
    [200, 'fifty_one_percent', 101, 0],
  ] as const)('on %i-minute units, %s with %i minutes bills %i unit', (unit, method, given, units) => {
    expect(unitsForMinutes(given, method, unit)).toBe(units);
  });

  it('never bills more minutes than were spent plus one partial unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 480 }), (m) => {
        const units = unitsForMinutes(m, 'cms_8_minute');
        return units * 15 - m <= 7 && m - units * 15 < 8;
      }),
    );
  });

  it('bills nothing for fractional or negative minutes', () => {
    expect([unitsForMinutes(-5, 'cms_8_minute'), unitsForMinutes(10.5, 'cms_8_minute')]).toEqual([0, 0]);
  });
});
