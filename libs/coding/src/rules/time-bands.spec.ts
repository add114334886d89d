import fc from 'fast-check';

import { crisisUnits, psychotherapyAddOnCode, psychotherapyCode, testingEvaluationUnits, unitsForMinutes } from './time-bands';

const minutes = fc.integer({ min: 0, max: 600 });

describe('psychotherapy time bands', () => {
  it.each([
    [0, undefined, undefined],
    [15, undefined, undefined],
    [16, '90832', '90833'],
    [37, '90832', '90833'],
    [38, '90834', '90836'],
    [52, '90834', '90836'],
    [53, '90837', '90838'],
    [75, '90837', '90838'],
    [180, '90837', '90838'],
  ])('given %i minutes, then the code is %s alone and %s beside an E/M', (given, alone, addOn) => {
    expect(psychotherapyCode(given)).toBe(alone);
    expect(psychotherapyAddOnCode(given)).toBe(addOn);
  });

  it('never gives a code under 16 minutes and always gives one from 16', () => {
    fc.assert(fc.property(minutes, (m) => (psychotherapyCode(m) === undefined) === m < 16));
  });

  it('never moves to a shorter code as minutes grow', () => {
    const rank = (m: number) => ['90832', '90834', '90837'].indexOf(psychotherapyCode(m) ?? '') + 1;
    fc.assert(fc.property(minutes, fc.integer({ min: 0, max: 120 }), (m, extra) => rank(m + extra) >= rank(m)));
  });

  it('chooses the add-on of the same band as the standalone code', () => {
    const pairs: Record<string, string> = { '90832': '90833', '90834': '90836', '90837': '90838' };
    fc.assert(fc.property(minutes, (m) => psychotherapyAddOnCode(m) === (psychotherapyCode(m) && pairs[psychotherapyCode(m)!])));
  });
});

describe('crisis psychotherapy units', () => {
  it.each([
    [29, undefined],
    [30, 0],
    [74, 0],
    [75, 1],
    [104, 1],
    [105, 2],
    [134, 2],
    [135, 3],
  ])('given %i minutes, then 90839 with %s units of 90840', (given, additional) => {
    expect(crisisUnits(given)?.additional).toBe(additional);
  });

  it('adds one 90840 unit per further 30 minutes beyond 74', () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 600 }), (m) => {
        const units = crisisUnits(m)!;
        return units.firstHour === 1 && units.additional === (m < 75 ? 0 : Math.ceil((m - 74) / 30));
      }),
    );
  });
});

describe('psychological test evaluation units (midpoint rule)', () => {
  it.each([
    [30, 0, 0],
    [31, 1, 0],
    [90, 1, 0],
    [91, 1, 1],
    [150, 1, 1],
    [151, 1, 2],
  ])('given %i minutes, then %i unit(s) of 96130 and %i of 96131', (given, first, additional) => {
    expect(testingEvaluationUnits(given)).toEqual({ firstHour: first, additional });
  });

  it('bills each hour once more than half of it is done', () => {
    fc.assert(
      fc.property(minutes, (m) => {
        const { firstHour, additional } = testingEvaluationUnits(m);
        return firstHour + additional === (m < 31 ? 0 : Math.floor((m - 31) / 60) + 1);
      }),
    );
  });
});

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
