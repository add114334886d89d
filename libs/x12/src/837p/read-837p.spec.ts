import { readSample } from '../../testing';
import { readX12 } from '../reader/read-x12';
import { read837P } from './read-837p';

const readSampleClaims = (name: string) => read837P(readX12(readSample(name)).value!).value!;

describe('read837P on the shared 837P samples', () => {
  it('837p-tr3-examples-1-2-3.txt: two ST, three claims, dependent patient, pay-to, rendering, COB', () => {
    const sets = readSampleClaims('837p-tr3-examples-1-2-3.txt');
    expect(sets.map((s) => s.control.transaction)).toEqual(['0021', '0021', '0022']);
    const claims = sets.flatMap((s) => s.claims);
    expect(claims.map((c) => c.patientControlNumber)).toEqual(['26463774', '26407789', '26462967']);
    expect(claims[0].patient).toMatchObject({ relationship: '19', name: { last: 'SMITH', first: 'TED' }, birthDate: '1973-05-01' });
    expect(sets[0].payToAddress).toEqual({ line1: '2345 OCEAN BLVD', city: 'MAIMI', state: 'FL', zip: '33111' });
    expect(claims[1].renderingProvider).toEqual({ npi: '1999996666', name: { last: 'KILDARE', first: 'BEN' }, taxonomy: '204C00000X' });
    expect(claims[1].otherPayers).toEqual([expect.objectContaining({ payerResponsibility: 'S', relationship: '01', payer: { name: 'KEY INSURANCE COMPANY', payerId: '999996666' } })]);
    // CLM02 = Σ SV102 for every claim of the TR3 examples.
    expect(claims.map((c) => c.lines.reduce((t, l) => t + l.chargeCents, 0))).toEqual([10_000, 7_904, 10_000]);
  });

  it('837p-tr3-cob-secondary.837: the 2320 and 2430 prior-payer adjudication we must reproduce', () => {
    const [set] = readSampleClaims('837p-tr3-cob-secondary.837');
    const [claim] = set.claims;
    expect(claim.otherPayers).toEqual([
      {
        payerResponsibility: 'P',
        relationship: '01',
        claimFilingIndicator: '12',
        subscriber: { name: { last: 'SMITH', first: 'JANE' }, memberId: 'JS00111223333' },
        payer: { name: 'KEY INSURANCE COMPANY', payerId: '999996666' },
        paidCents: 3915,
        remainingPatientLiabilityCents: 3689,
        adjustments: [
          { group: 'PR', reason: '1', amountCents: 2189 },
          { group: 'PR', reason: '2', amountCents: 1500 },
        ],
      },
    ]);
    expect(claim.lines[0].adjudications).toEqual([
      { payerId: '999996666', paidCents: 4000, procedureCode: '99213', units: 1, adjustments: [{ group: 'CO', reason: '42', amountCents: 300 }], adjudicationDate: '2005-10-15' },
    ]);
    expect(claim.diagnoses).toEqual(['4779', '2724', '2780', '53081']);
  });
});

describe('read837P on broken input', () => {
  it('reports a claim with no billing provider or subscriber above it instead of inventing one', () => {
    const ISA = 'ISA*00*          *00*          *ZZ*SUB            *ZZ*RCV            *250301*1200*^*00501*000000001*0*T*:~';
    const text = `${ISA}GS*HC*SUB*RCV*20250301*1200*1*X*005010X222A1~ST*837*0001~CLM*C1*150***11:B:1*Y*A*Y*Y~SE*3*0001~GE*1*1~IEA*1*000000001~`;
    const { value, issues } = read837P(readX12(text).value!);
    expect(value).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'CLAIM_OUTSIDE_HIERARCHY', segmentId: 'CLM', position: 2 })]);
  });
});
