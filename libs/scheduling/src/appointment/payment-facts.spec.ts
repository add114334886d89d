import {
  PATIENT_ID,
  PROVIDER_ID,
  authorizationRecorded,
  coverageAdded,
  eligibilityChecked,
  givenAuthorization,
  givenCoverage,
  payerPolicy,
} from '@revcycle/scheduling/testing';

import { authorizationForService } from '../authorization/authorization.state';
import type { PayerRegistration } from '../payer/payer.events';
import type { PatientState } from '../patient/patient.state';
import type { RegisteredPractice } from '../practice/practice.state';
import type { ProviderState } from '../provider/provider.state';
import { assertBookingReferences } from './booking-references';
import { bookingFactsOn, feeTermsOn, primaryCoverageOn, type PaymentPicture } from './payment-facts';

const payer = (kind: PayerRegistration['kind'], payerId = 'payer-1'): PayerRegistration => ({
  payerId,
  claimPayerId: 'P1',
  name: 'Synthetic Plan',
  kind,
  timelyFilingDays: 365,
  policy: payerPolicy({ missedAppointmentFeesAllowed: kind === 'commercial', priorAuthorizationRequired: true }),
});
const policies = { lateCancelWindowHours: 24, lateCancelFeeCents: 5_000, noShowFeeCents: 7_500, eligibilityMaxAgeDays: 30 };
const picture = (overrides: Partial<PaymentPicture> = {}): PaymentPicture => ({
  policies,
  coverages: [givenCoverage([coverageAdded(), eligibilityChecked('2025-02-20')])],
  payers: { 'payer-1': payer('commercial') },
  authorizations: [givenAuthorization([authorizationRecorded()])],
  ...overrides,
});

describe('Payment facts from the patient’s streams', () => {
  it('picks the primary coverage in force on the date of service', () => {
    const old = givenCoverage([coverageAdded({ coverageId: 'old', effectiveFrom: '2024-01-01', effectiveTo: '2024-12-31', payerId: 'payer-2' })]);
    const current = picture({ coverages: [old, ...picture().coverages], payers: { 'payer-1': payer('commercial'), 'payer-2': payer('medicaid', 'payer-2') } });
    expect(primaryCoverageOn(current, '2025-03-04')?.coverage.terms.coverageId).not.toBe('old');
    expect(primaryCoverageOn(current, '2024-06-01')?.coverage.terms.coverageId).toBe('old');
  });

  it('treats a patient without coverage, or covered by a self-pay arrangement, as self-pay', () => {
    expect(bookingFactsOn(picture({ coverages: [] }), '2025-03-04', {})).toEqual({ payment: 'self_pay' });
    expect(bookingFactsOn(picture({ payers: { 'payer-1': payer('self_pay') } }), '2025-03-04', {})).toEqual({ payment: 'self_pay' });
  });

  it('carries the payer’s authorization switch, the practice’s eligibility age and booked units', () => {
    const facts = bookingFactsOn(picture(), '2025-03-04', { [authorizationRecorded().data.authorizationId]: 4 });
    expect(facts).toMatchObject({ payment: 'insured', priorAuthorizationRequired: true, eligibilityMaxAgeDays: 30, authorizations: [{ unitsBooked: 4 }] });
  });

  it('hands the primary payer to the fee rule: Medicaid forbids, self-pay is charged, no policies charge nothing', () => {
    expect(feeTermsOn(picture({ payers: { 'payer-1': payer('medicaid') } }), '2025-03-04').primaryPayer?.kind).toBe('medicaid');
    expect(feeTermsOn(picture({ coverages: [] }), '2025-03-04')).toEqual({ policies, primaryPayer: null });
    expect(feeTermsOn(picture({ policies: null }), '2025-03-04').policies).toMatchObject({ lateCancelFeeCents: 0, noShowFeeCents: 0 });
  });
});

describe('Which authorization a signed session counts against', () => {
  const first = givenAuthorization([authorizationRecorded({ authorizationId: 'a-1', unitsAuthorized: 1, startDate: '2025-01-01' })]);
  const second = givenAuthorization([authorizationRecorded({ authorizationId: 'a-2', startDate: '2025-02-01' })]);
  const service = { serviceCode: '90837', dateOfService: '2025-03-04', units: 1 };

  it('is the earliest covering one with units left', () => {
    expect(authorizationForService([second, first], service)).toBe('a-1');
    const used = givenAuthorization([
      authorizationRecorded({ authorizationId: 'a-1', unitsAuthorized: 1, startDate: '2025-01-01' }),
      { type: 'scheduling.AuthorizationUsageCounted', data: { authorizationId: 'a-1', encounterId: 'e', serviceCode: '90837', dateOfService: '2025-01-10', units: 1 } },
    ]);
    expect(authorizationForService([used, second], service)).toBe('a-2');
    expect(authorizationForService([used], service)).toBe('a-1');
  });

  it('is none when no authorization covers the code and date', () => {
    expect(authorizationForService([first, second], { ...service, serviceCode: '90791' })).toBeNull();
    expect(authorizationForService([first, second], { ...service, dateOfService: '2025-04-01' })).toBeNull();
  });
});

describe('Booking references', () => {
  const practice = { status: 'registered', locations: [{ locationId: 'loc-1' }] } as unknown as RegisteredPractice;
  const patient = { status: 'registered' } as PatientState;
  const provider = (activeTo: string | null): ProviderState => ({
    status: 'enrolled',
    enrollment: { providerId: PROVIDER_ID, npi: '1234567893', displayName: 'P', taxonomyCode: '1041C0700X', credential: 'LCSW', supervisingProviderId: null, activeFrom: '2025-01-01', activeTo },
  });
  const booking = { patientId: PATIENT_ID, providerId: PROVIDER_ID, locationId: 'loc-1' };
  const check = (refs: Partial<Parameters<typeof assertBookingReferences>[0]>, dates = ['2025-03-04'], b = booking) =>
    assertBookingReferences({ practice, patient, provider: provider(null), ...refs }, b, dates);

  it('admits a registered patient, an active provider and a practice location', () => {
    expect(() => check({})).not.toThrow();
  });

  it.each([
    ['SCHEDULING.PATIENT_NOT_FOUND', { patient: { status: 'unknown' } as PatientState }, undefined],
    ['SCHEDULING.PROVIDER_NOT_FOUND', { provider: { status: 'unknown' } as ProviderState }, undefined],
    ['SCHEDULING.PROVIDER_NOT_ACTIVE', { provider: provider('2025-03-10') }, ['2025-03-04', '2025-03-11']],
    ['SCHEDULING.SERVICE_LOCATION_NOT_FOUND', {}, undefined, { ...booking, locationId: 'loc-9' }],
  ])('refuses with %s', (code, refs, dates, b = booking) => {
    expect(() => check(refs, dates, b)).toThrow(expect.objectContaining({ code }));
  });
});
