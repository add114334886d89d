import { chargeFor } from '../../rules/fee-schedule';
import { evolveFeeSchedule, feeScheduleOf, initialFeeScheduleState } from '../fee-schedule.state';
import { decideSetFeeScheduleEntry } from './set-fee-schedule-entry.command';

const entry = { code: '90837', effectiveFrom: '2026-01-01', unitChargeCents: 18000, unitContractedCents: 14250 };

describe('SetFeeScheduleEntry', () => {
  it("keeps each payer's charges and contracted amounts apart", () => {
    const events = [
      ...decideSetFeeScheduleEntry({ payerId: 'acme', entry }, initialFeeScheduleState),
      ...decideSetFeeScheduleEntry({ payerId: 'other', entry: { ...entry, unitContractedCents: 9900 } }, initialFeeScheduleState),
    ];
    const state = events.reduce(evolveFeeSchedule, initialFeeScheduleState);
    const line = { code: '90837', modifiers: [], units: 1 };
    expect(chargeFor(line, '2026-03-04', feeScheduleOf(state, 'acme')!)).toMatchObject({ chargeCents: 18000, contractedCents: 14250 });
    expect(chargeFor(line, '2026-03-04', feeScheduleOf(state, 'other')!)).toMatchObject({ contractedCents: 9900 });
    expect(feeScheduleOf(state, 'unknown')).toBeUndefined();
  });

  it('records nothing when the row is unchanged', () => {
    const state = decideSetFeeScheduleEntry({ payerId: 'acme', entry }, initialFeeScheduleState).reduce(evolveFeeSchedule, initialFeeScheduleState);
    expect(decideSetFeeScheduleEntry({ payerId: 'acme', entry }, state)).toEqual([]);
    expect(decideSetFeeScheduleEntry({ payerId: 'acme', entry: { ...entry, unitChargeCents: 19000 } }, state)).toHaveLength(1);
  });

  it('refuses fractional cents and an end before the start', () => {
    expect(() => decideSetFeeScheduleEntry({ payerId: 'acme', entry: { ...entry, unitChargeCents: 180.5 } }, initialFeeScheduleState)).toThrow(expect.objectContaining({ code: 'VALIDATION.FAILED' }));
    expect(() => decideSetFeeScheduleEntry({ payerId: 'acme', entry: { ...entry, effectiveTo: '2025-01-01' } }, initialFeeScheduleState)).toThrow(expect.objectContaining({ code: 'VALIDATION.FAILED' }));
  });
});
