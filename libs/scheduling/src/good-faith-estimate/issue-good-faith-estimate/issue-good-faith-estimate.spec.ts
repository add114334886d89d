import { PATIENT_ID, PROVIDER_ID, schedulingContext } from '@revcycle/scheduling/testing';

import { addBusinessDays, evolveGoodFaithEstimate, goodFaithEstimateDueBy, initialGoodFaithEstimateState } from '../good-faith-estimate.state';
import { decideIssueGoodFaithEstimate, type IssueGoodFaithEstimate } from './issue-good-faith-estimate.command';

const ESTIMATE_ID = '0190a8f2-4c1e-7a10-9d2b-0000000000e9';
// The clock reads Saturday 2025-03-01 (New York); sessions start Monday 2025-03-17.
const issue = (overrides: Partial<IssueGoodFaithEstimate> = {}): IssueGoodFaithEstimate => ({
  context: schedulingContext(),
  estimateId: ESTIMATE_ID,
  patientId: PATIENT_ID,
  payment: 'self_pay',
  services: [
    { serviceCode: '90791', description: 'Diagnostic evaluation', providerId: PROVIDER_ID, sessions: 1, unitsPerSession: 1, chargePerUnitCents: 20_000 },
    { serviceCode: '90837', description: 'Psychotherapy, 60 minutes', providerId: PROVIDER_ID, sessions: 11, unitsPerSession: 1, chargePerUnitCents: 15_000 },
  ],
  period: { start: '2025-03-17', end: '2025-06-30' },
  firstSessionOn: '2025-03-17',
  basis: 'scheduled',
  basisOn: '2025-02-28',
  timeZone: 'America/New_York',
  ...overrides,
});
const issued = (command: IssueGoodFaithEstimate) => decideIssueGoodFaithEstimate(command, initialGoodFaithEstimateState)[0].data;

describe('IssueGoodFaithEstimate (45 CFR 149.610)', () => {
  it('prices every expected service and the total for the period', () => {
    expect(issued(issue())).toMatchObject({ totalCents: 185_000, issuedOn: '2025-03-01', services: [{ totalCents: 20_000 }, { totalCents: 165_000 }] });
  });

  it('is due within 3 business days when scheduled 10 or more business days ahead, else within 1', () => {
    expect(goodFaithEstimateDueBy('scheduled', '2025-02-28', '2025-03-17')).toBe('2025-03-05');
    expect(goodFaithEstimateDueBy('scheduled', '2025-03-10', '2025-03-17')).toBe('2025-03-11');
    expect(goodFaithEstimateDueBy('scheduled', '2025-03-13', '2025-03-17')).toBe('2025-03-17');
    expect(goodFaithEstimateDueBy('requested', '2025-03-07', '2025-04-30')).toBe('2025-03-12');
    expect(addBusinessDays('2025-03-07', 1)).toBe('2025-03-10');
  });

  it('records whether it was issued on time', () => {
    expect(issued(issue())).toMatchObject({ dueBy: '2025-03-05', issuedOnTime: true });
    expect(issued(issue({ basisOn: '2025-02-20', firstSessionOn: '2025-03-04', period: { start: '2025-03-04', end: '2025-06-30' } }))).toMatchObject({
      dueBy: '2025-02-21',
      issuedOnTime: false,
    });
  });

  it('is only for uninsured or self-pay patients', () => {
    expect(() => issued(issue({ payment: 'insured' }))).toThrow(expect.objectContaining({ code: 'SCHEDULING.GOOD_FAITH_ESTIMATE_NOT_APPLICABLE' }));
  });

  it('refuses an estimate after the first session', () => {
    const late = issue({ firstSessionOn: '2025-02-28', period: { start: '2025-02-28', end: '2025-06-30' } });
    expect(() => issued(late)).toThrow(expect.objectContaining({ code: 'SCHEDULING.INVALID_GOOD_FAITH_ESTIMATE', details: expect.objectContaining({ field: 'firstSessionOn' }) }));
  });

  it.each([
    ['services', { services: [] }],
    ['services[0].sessions', { services: [{ serviceCode: '90837', description: 'x', providerId: PROVIDER_ID, sessions: 0, unitsPerSession: 1, chargePerUnitCents: 1 }] }],
    ['period', { period: { start: '2025-03-17', end: '2026-03-18' } }],
    ['firstSessionOn', { firstSessionOn: '2025-07-01' }],
  ])('refuses an invalid %s', (field, overrides) => {
    expect(() => issued(issue(overrides))).toThrow(expect.objectContaining({ details: expect.objectContaining({ field }) }));
  });

  it('is issued once per id', () => {
    const state = decideIssueGoodFaithEstimate(issue(), initialGoodFaithEstimateState).reduce(evolveGoodFaithEstimate, initialGoodFaithEstimateState);
    expect(() => decideIssueGoodFaithEstimate(issue(), state)).toThrow(expect.objectContaining({ code: 'SCHEDULING.GOOD_FAITH_ESTIMATE_ALREADY_ISSUED' }));
  });
});
