import fc from 'fast-check';
import type {
  Address, ClaimAdjustment, LineAdjudication, OtherPayer, PersonName, ProfessionalClaim, ProfessionalClaimSet, ServiceLine,
} from '../src/837p/professional-claim';

// Built from character units: regex-driven string arbitraries are too slow for hundreds of claims.
const chars = (set: string, minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...set.split('')), minLength, maxLength });
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const DIGITS = '0123456789';
const text = (max: number): fc.Arbitrary<string> =>
  fc.tuple(chars(LETTERS, 1, 1), chars(`${LETTERS} '-`, 0, max - 2), chars(LETTERS, 1, 1)).map((p) => p.join(''));
const id = (max: number): fc.Arbitrary<string> => chars(UPPER_ALNUM, 2, max);
const date = fc.integer({ min: Date.UTC(2016, 0, 1), max: Date.UTC(2030, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const npi = fc.tuple(fc.constantFrom('1', '2'), chars(DIGITS, 9, 9)).map((p) => p.join(''));
const cents = fc.integer({ min: 0, max: 5_000_000 });

const name: fc.Arbitrary<PersonName> = fc.record(
  { last: text(20), first: text(12), middle: chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 1, 1), suffix: fc.constantFrom('JR', 'SR', 'III') },
  { requiredKeys: ['last'] },
);
const address: fc.Arbitrary<Address> = fc.record(
  {
    line1: fc.tuple(fc.integer({ min: 1, max: 99999 }), text(12), fc.constantFrom('Street', 'Road', 'Avenue')).map((p) => p.join(' ')),
    line2: fc.integer({ min: 1, max: 999 }).map((n) => `Suite ${n}`),
    city: text(15),
    state: fc.constantFrom('OH', 'CA', 'NY', 'TX'),
    zip: fc.oneof(chars(DIGITS, 5, 5), chars(DIGITS, 9, 9)),
  },
  { requiredKeys: ['line1', 'city', 'state', 'zip'] },
);

// CAS groups each appear once with up to six triplets (005010X222A1 2320/2430), so values come pre-grouped.
const adjustments: fc.Arbitrary<ClaimAdjustment[]> = fc
  .uniqueArray(fc.constantFrom('CO', 'PR', 'OA', 'PI') as fc.Arbitrary<ClaimAdjustment['group']>, { maxLength: 3 })
  .chain((groups) =>
    fc.tuple(
      ...groups.map((group) =>
        fc.array(
          fc.record({ group: fc.constant(group), reason: fc.constantFrom('1', '2', '3', '45', '97', '242'), amountCents: cents, quantity: fc.integer({ min: 1, max: 9 }) }, { requiredKeys: ['group', 'reason', 'amountCents'] }),
          { minLength: 1, maxLength: 6 },
        ),
      ),
    ),
  )
  .map((lists) => lists.flat());

const procedure = fc.oneof(fc.constantFrom('90791', '90832', '90834', '90837', '90839', '90840', '90846', '90847', '90853', '96127', '99213'), fc.tuple(chars('ABCDEFGHJKLMNPQRSTV', 1, 1), chars(DIGITS, 4, 4)).map((p) => p.join('')));
const modifiers = fc.array(chars(UPPER_ALNUM, 2, 2), { minLength: 1, maxLength: 4 });
const units = fc.integer({ min: 1, max: 4000 }).map((n) => n / 4);

const adjudication = (payerId: string): fc.Arbitrary<LineAdjudication> =>
  fc.record(
    { payerId: fc.constant(payerId), paidCents: cents, procedureCode: procedure, modifiers, units, adjustments, adjudicationDate: date, remainingPatientLiabilityCents: cents },
    { requiredKeys: ['payerId', 'paidCents', 'procedureCode', 'units', 'adjustments', 'adjudicationDate'] },
  );

const line = (diagnoses: number, otherPayerId?: string): fc.Arbitrary<ServiceLine> =>
  fc.record(
    {
      procedureCode: procedure,
      modifiers,
      chargeCents: cents,
      units,
      placeOfService: fc.constantFrom('02', '10', '53'),
      diagnosisPointers: fc.uniqueArray(fc.integer({ min: 1, max: diagnoses }), { minLength: 1, maxLength: Math.min(4, diagnoses) }),
      serviceDate: date,
      lineControlNumber: id(20),
      ...(otherPayerId ? { adjudications: fc.array(adjudication(otherPayerId), { minLength: 1, maxLength: 2 }) } : {}),
    },
    { requiredKeys: ['procedureCode', 'chargeCents', 'units', 'diagnosisPointers', 'serviceDate'] },
  );

const otherPayer: fc.Arbitrary<OtherPayer> = fc.record(
  {
    payerResponsibility: fc.constantFrom('P', 'T') as fc.Arbitrary<'P' | 'T'>,
    relationship: fc.constantFrom('18', '01', '19', 'G8'),
    claimFilingIndicator: fc.constantFrom('MB', 'CI', 'BL'),
    groupNumber: id(10),
    subscriber: fc.record({ name, memberId: id(15) }),
    payer: fc.record({ name: text(30), payerId: id(10) }),
    paidCents: cents,
    remainingPatientLiabilityCents: cents,
    adjustments,
  },
  { requiredKeys: ['payerResponsibility', 'relationship', 'claimFilingIndicator', 'subscriber', 'payer', 'paidCents', 'adjustments'] },
);

/** Random valid claims within the limits the guide and our rules allow. */
export const claimArbitrary: fc.Arbitrary<ProfessionalClaim> = fc
  .tuple(fc.array(fc.tuple(chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 1, 1), chars(DIGITS, 1, 1), chars(UPPER_ALNUM, 1, 5)).map((p) => p.join('')), { minLength: 1, maxLength: 12 }), fc.option(otherPayer, { nil: undefined }))
  .chain(([diagnoses, other]) =>
    fc.record(
      {
        subscriber: fc.record(
          { payerResponsibility: fc.constant(other ? 'S' : 'P') as fc.Arbitrary<'P' | 'S'>, groupNumber: id(10), claimFilingIndicator: fc.constantFrom('MC', 'CI', 'BL', 'HM'), memberId: id(15), name, address, birthDate: date, gender: fc.constantFrom('F', 'M', 'U') as fc.Arbitrary<'F' | 'M' | 'U'> },
          { requiredKeys: ['payerResponsibility', 'claimFilingIndicator', 'memberId', 'name', 'birthDate', 'gender'] },
        ),
        payer: fc.record({ name: text(30), payerId: id(10) }),
        patient: fc.record({ relationship: fc.constantFrom('01', '19', '20', 'G8'), name, address, birthDate: date, gender: fc.constantFrom('F', 'M', 'U') as fc.Arbitrary<'F' | 'M' | 'U'> }),
        patientControlNumber: id(20),
        frequency: fc.constantFrom('1', '7', '8') as fc.Arbitrary<'1' | '7' | '8'>,
        placeOfService: fc.constantFrom('11', '12', '22', '23'),
        providerSignature: fc.boolean(),
        assignment: fc.constantFrom('A', 'B', 'C') as fc.Arbitrary<'A' | 'B' | 'C'>,
        benefitsAssigned: fc.boolean(),
        releaseOfInformation: fc.constantFrom('Y', 'I') as fc.Arbitrary<'Y' | 'I'>,
        diagnoses: fc.constant(diagnoses),
        priorAuthorization: id(15),
        payerClaimControlNumber: id(20),
        renderingProvider: fc.record({ npi, name, taxonomy: fc.constantFrom('101YM0800X', '1041C0700X', '103T00000X', '2084P0800X') }),
        supervisingProvider: fc.record({ npi, name }),
        serviceFacility: fc.record({ name: text(30), npi, address }, { requiredKeys: ['name', 'address'] }),
        ...(other ? { otherPayers: fc.constant([other] as OtherPayer[]) } : {}),
        lines: fc.array(line(diagnoses.length, other?.payer.payerId), { minLength: 1, maxLength: 6 }),
      },
      { requiredKeys: ['subscriber', 'payer', 'patientControlNumber', 'frequency', 'placeOfService', 'providerSignature', 'assignment', 'benefitsAssigned', 'releaseOfInformation', 'diagnoses', 'payerClaimControlNumber', 'lines'] },
    ),
  )
  // 2010BA DMG is sent only when the subscriber is the patient, so a dependent's subscriber has no birth data.
  .map((claim) => {
    if (!claim.patient) return claim;
    const { birthDate: _b, gender: _g, ...subscriber } = claim.subscriber;
    return { ...claim, subscriber };
  });

/** Random claim sets of one to three claims under a fixed billing provider. */
export const claimSetArbitrary = (envelope: Omit<ProfessionalClaimSet, 'claims'>): fc.Arbitrary<ProfessionalClaimSet> =>
  fc.array(claimArbitrary, { minLength: 1, maxLength: 3 }).map((claims) => ({ ...envelope, claims }));
