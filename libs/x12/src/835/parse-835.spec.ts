import { readSample } from '../../testing';
import { readX12 } from '../reader/read-x12';
import { parse835, read835 } from './parse-835';

const parseSample = (name: string) => {
  const read = readX12(readSample(name));
  const parsed = parse835(read.value!);
  return { remits: parsed.value!, issues: [...read.issues, ...parsed.issues] };
};
const codes = (issues: { code: string }[]): string[] => issues.map((i) => i.code);

describe('parse835 on the shared samples', () => {
  it('835-bh-adamh-reversals-plb.txt: reversals, PLB and every documented defect', () => {
    const { remits, issues } = parseSample('835-bh-adamh-reversals-plb.txt');
    const [remit] = remits;
    expect(remit.claims).toHaveLength(10);
    const reversals = remit.claims.filter((c) => c.status === '22');
    expect(reversals).toHaveLength(3);
    expect(reversals[0]).toMatchObject({ chargeCents: -4258, paidCents: -4258 });
    expect(reversals[0].services[0]).toMatchObject({ chargeCents: -4258, paidCents: -4258, units: -2 });
    expect(remit.claims.find((c) => c.status === '25')).toMatchObject({ patientControlNumber: '777777', paidCents: 0 });
    expect(remit.providerAdjustments).toEqual([
      expect.objectContaining({ reason: 'CV', reference: '9876514', amountCents: -127, providerId: '123456' }),
    ]);
    expect(remit.balanced).toBe(false);
    expect(remit.imbalances).toEqual([expect.objectContaining({ level: 'transaction', expectedCents: 702, actualCents: 575 })]);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'CAS_GROUP_INVALID', element: 'CAS01' }),
        expect.objectContaining({ code: 'PROCEDURE_QUALIFIER_INVALID', element: 'SVC01-01' }),
        expect.objectContaining({ code: 'CLP_TRUNCATED', segmentId: 'CLP', position: 96 }),
        expect.objectContaining({ code: 'PER_BL_MISSING', loop: '1000A' }),
        expect.objectContaining({ code: 'ISA_VERSION', element: 'ISA12' }),
      ]),
    );
    expect(remit.claims[9]).toMatchObject({ patientControlNumber: '090909', complete: false });
  });

  it('reads every triplet of a multi-triplet CAS', () => {
    const { remits } = parseSample('835-bh-adamh-reversals-plb.txt');
    const line = remits[0].claims.find((c) => c.patientControlNumber === '121212')!.services[0];
    expect(line.adjustments).toEqual([
      { group: 'CO', reason: '42', amountCents: 0, quantity: 0 },
      { group: 'OA', reason: '23', amountCents: 5760, quantity: 0 },
      { group: 'OA', reason: '23', amountCents: -108, quantity: 0 },
    ]);
  });

  it('835-medicaid-deidentified-3-interchanges.txt: 56 claims over three interchanges', () => {
    const { remits } = parseSample('835-medicaid-deidentified-3-interchanges.txt');
    expect(remits).toHaveLength(3);
    expect(remits.reduce((n, r) => n + r.claims.length, 0)).toBe(56);
  });

  it('835-tr3-medicare-part-a-plb.835: balances exactly with a negative PLB', () => {
    const { remits, issues } = parseSample('835-tr3-medicare-part-a-plb.835');
    expect(remits[0]).toMatchObject({ balanced: true, imbalances: [] });
    expect(remits[0].payment).toMatchObject({ amountCents: 15_000_000, method: 'ACH', traceNumber: '12345', date: '2002-09-13' });
    expect(remits[0].claims.reduce((t, c) => t + c.paidCents, 0)).toBe(14_999_873);
    expect(remits[0].claims[1].remarkCodes).toEqual(['MA02']);
    expect(codes(issues)).toEqual(['PER_BL_MISSING']);
  });

  it('835-tr3-managed-care.835: claim-level CO-A2 with line PR-1 and CO-45 balances', () => {
    const { remits, issues } = parseSample('835-tr3-managed-care.835');
    const [first, second] = remits[0].claims;
    expect(first.adjustments).toEqual([{ group: 'CO', reason: 'A2', amountCents: 5000 }]);
    expect(second.services[0].adjustments.map((a) => `${a.group}-${a.reason}`)).toEqual(['PR-1', 'CO-45']);
    expect(first.services[0]).toMatchObject({ serviceStart: '2002-03-01', serviceEnd: '2002-03-04' });
    expect(remits[0].balanced).toBe(true);
    // The TR3 example's BPR16 is 20002316: month 23 does not exist.
    expect(issues.map((i) => [i.code, i.element])).toEqual([
      ['INVALID_DATE', 'BPR16'],
      ['PER_BL_MISSING', undefined],
    ]);
  });

  it('835-tr3-secondary-payment.835: balances but reports HC>… under ISA16 : and the missing BPR16', () => {
    const { remits, issues } = parseSample('835-tr3-secondary-payment.835');
    const claim = remits[0].claims[1];
    expect(claim).toMatchObject({ status: '2', patientResponsibilityCents: 22_000 });
    expect(claim.services[1].adjustments.filter((a) => a.group === 'PR').map((a) => a.amountCents)).toEqual([15_000, 7_000]);
    expect(remits[0].claims[0].adjustments).toEqual([{ group: 'OA', reason: '23', amountCents: 941_164 }]);
    expect(remits[0].balanced).toBe(true);
    expect(codes(issues).sort()).toEqual(['BPR16_MISSING', 'PER_BL_MISSING', 'PROCEDURE_QUALIFIER_INVALID', 'PROCEDURE_QUALIFIER_INVALID']);
  });

  it('835-medicaid-t1005-denied.txt: fully denied, balanced, no issues', () => {
    const { remits, issues } = parseSample('835-medicaid-t1005-denied.txt');
    expect(issues).toEqual([]);
    expect(remits[0].payment).toMatchObject({ handlingCode: 'H', amountCents: 0, method: 'NON' });
    expect(remits[0].claims[0]).toMatchObject({ status: '4', paidCents: 0 });
    expect(remits[0].claims[0].services.map((s) => s.remarkCodes)).toEqual([['N14'], ['N14'], ['N14']]);
    expect(remits[0].balanced).toBe(true);
  });
});

describe('parse835 balancing', () => {
  const ISA = 'ISA*00*          *00*          *ZZ*PAYER          *ZZ*PRACTICE       *250301*1200*^*00501*000000001*0*P*:~';
  const remit = (body: string[]): string =>
    `${ISA}GS*HP*P*R*20250301*1200*1*X*005010X221A1~ST*835*0001~${body.join('')}SE*${body.length + 2}*0001~GE*1*1~IEA*1*000000001~`;

  it('reports a line whose adjustments do not explain the unpaid amount', () => {
    const text = remit([
      'BPR*I*80*C*ACH************20250301~', 'TRN*1*T1*1999999999~', 'N1*PR*PAYER~', 'PER*BL*EDI*TE*5555550100~',
      'N1*PE*PRACTICE*XX*1234567893~', 'LX*1~', 'CLP*C1*1*150*80*20*MC*P1~', 'SVC*HC:90837*150*80**1~', 'CAS*CO*45*30~', 'CAS*PR*2*20~',
    ]);
    const parsed = parse835(readX12(text).value!);
    const levels = parsed.value![0].imbalances.map((i) => [i.level, i.expectedCents, i.actualCents]);
    expect(levels).toEqual([
      ['service', 7000, 5000],
      ['claim', 7000, 5000],
    ]);
  });
});

describe('read835', () => {
  it('gives the same remittances as readX12 + parse835, without keeping segments', () => {
    for (const name of ['835-bh-adamh-reversals-plb.txt', '835-medicaid-deidentified-3-interchanges.txt', '835-tr3-secondary-payment.835']) {
      const bytes = readSample(name);
      const read = readX12(bytes);
      const parsed = parse835(read.value!);
      const direct = read835(bytes);
      expect(direct.value).toEqual(parsed.value);
      expect(direct.issues).toEqual([...read.issues, ...parsed.issues]);
    }
  });

  it('streams claims to a callback without keeping them', () => {
    const seen: string[] = [];
    const { value } = read835(readSample('835-tr3-managed-care.835'), {}, { keepClaims: false, onClaim: (c) => seen.push(c.patientControlNumber) });
    expect(seen).toEqual(['5554555444', '8765432112']);
    expect(value![0]).toMatchObject({ claims: [], claimCount: 2, balanced: true });
  });

  it('returns no value for an unreadable file', () => {
    expect(read835(readSample('837p-neg-utf16le.txt')).value).toBeUndefined();
  });
});
