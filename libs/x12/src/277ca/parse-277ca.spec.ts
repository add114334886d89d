import { readFixture, sharedMaps } from '../../testing';
import { readX12 } from '../reader/read-x12';
import { validateX12 } from '../validator/validate';
import { parse277CA } from './parse-277ca';

describe('parse277CA', () => {
  const read = readX12(readFixture('277ca-mixed.x12'));
  const { value, issues } = parse277CA(read.value!);

  it('passes the 277CA map with no findings', () => {
    expect([...read.issues, ...validateX12(read.value!, sharedMaps())]).toEqual([]);
  });

  it('gives one result per claim, matched by TRN02 = CLM01', () => {
    expect(issues).toEqual([]);
    expect(value!.map((c) => [c.patientControlNumber, c.result])).toEqual([
      ['RB-IND-0001', 'accepted'],
      ['RB-GRP-0003', 'rejected'],
      ['RB-CRS-0004', 'other'],
    ]);
  });

  it('keeps the payer claim number, the clearinghouse trace and the service dates', () => {
    expect(value![0]).toMatchObject({
      payerClaimControlNumber: 'MCD25071000001',
      clearinghouseTraceNumber: 'CH20250312-01',
      serviceStart: '2025-03-03',
      serviceEnd: '2025-03-07',
      billingProviderId: '1234567893',
      patient: { lastName: 'RIVERA', firstName: 'ALEX', memberId: 'MCD000111' },
    });
  });

  it('keeps the rejection codes of the claim and of its line', () => {
    const rejected = value![1];
    expect(rejected.statuses).toEqual([{ category: 'A7', code: '21', entity: '82', date: '2025-03-12', action: 'U', chargeCents: 12000 }]);
    expect(rejected.lines).toEqual([
      {
        procedure: ['HC', '90853', 'HQ', 'HN'],
        chargeCents: 6000,
        lineControlNumber: 'RB-GRP-0003-1',
        serviceDate: '2025-03-05',
        statuses: [{ category: 'A7', code: '453', entity: '82', date: '2025-03-12', action: 'U' }],
      },
    ]);
  });

  it('surfaces a request for information (R3) as neither accepted nor rejected', () => {
    expect(value![2].statuses[0]).toMatchObject({ category: 'R3', code: '33' });
  });
});
