import { payerPolicy, schedulingContext } from '@revcycle/scheduling/testing';

import { decideChangePayerPolicy } from '../change-payer-policy/change-payer-policy.command';
import type { PayerRegistration } from '../payer.events';
import { evolvePayer, initialPayerState, payerForbidsMissedAppointmentFees } from '../payer.state';
import { decideRegisterPayer } from './register-payer.command';

const payer = (overrides: Partial<PayerRegistration> = {}): PayerRegistration => ({
  payerId: 'payer-1',
  claimPayerId: 'SKCO0',
  name: 'State Medicaid',
  kind: 'medicaid',
  timelyFilingDays: 365,
  policy: payerPolicy({ missedAppointmentFeesAllowed: false }),
  ...overrides,
});
const register = (p: PayerRegistration) => decideRegisterPayer({ context: schedulingContext(), payer: p }, initialPayerState);

describe('RegisterPayer and ChangePayerPolicy', () => {
  it('registers a Medicaid payer that forbids missed-appointment fees', () => {
    expect(register(payer())).toEqual([{ type: 'scheduling.PayerRegistered', data: payer() }]);
  });

  it('refuses a Medicaid plan that would allow missed-appointment fees (42 CFR 447.15)', () => {
    const allowing = payer({ kind: 'managed_medicaid', policy: payerPolicy({ missedAppointmentFeesAllowed: true }) });
    expect(() => register(allowing)).toThrow(expect.objectContaining({ code: 'SCHEDULING.INVALID_PAYER_POLICY' }));
  });

  it('refuses switching a Medicaid plan to allow fees later', () => {
    const state = register(payer()).reduce(evolvePayer, initialPayerState);
    const change = { context: schedulingContext(), payerId: 'payer-1', policy: payerPolicy({ missedAppointmentFeesAllowed: true }) };
    expect(() => decideChangePayerPolicy(change, state)).toThrow(expect.objectContaining({ code: 'SCHEDULING.INVALID_PAYER_POLICY' }));
  });

  it('changes a commercial policy once and ignores the identical retry', () => {
    const state = register(payer({ kind: 'commercial' })).reduce(evolvePayer, initialPayerState);
    const change = { context: schedulingContext(), payerId: 'payer-1', policy: payerPolicy({ missedAppointmentFeesAllowed: true }) };
    const changed = decideChangePayerPolicy(change, state);
    expect(changed).toHaveLength(1);
    expect(decideChangePayerPolicy(change, changed.reduce(evolvePayer, state))).toEqual([]);
  });

  it('treats Medicaid as forbidding fees whatever the switch says', () => {
    expect(payerForbidsMissedAppointmentFees('medicaid', payerPolicy({ missedAppointmentFeesAllowed: true }))).toBe(true);
    expect(payerForbidsMissedAppointmentFees('commercial', payerPolicy({ missedAppointmentFeesAllowed: true }))).toBe(false);
  });

  it('refuses a non-positive timely-filing limit', () => {
    expect(() => register(payer({ timelyFilingDays: 0 }))).toThrow(expect.objectContaining({ code: 'SCHEDULING.INVALID_TIMELY_FILING' }));
  });
});
