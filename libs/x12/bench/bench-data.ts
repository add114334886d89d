import { closeSync, openSync, writeSync } from 'node:fs';
import type { ProfessionalClaim, ProfessionalClaimSet } from '../src';

const ISA = 'ISA*00*          *00*          *ZZ*PAYER          *ZZ*PRACTICE       *250301*1200*^*00501*000000001*0*P*:~\n';

// One balanced 2100 claim with two 2110 lines: 12 segments, 150.00 charged, 112.00 paid.
function claimBlock(n: number): string {
  const id = `PCN${String(n).padStart(9, '0')}`;
  return [
    `CLP*${id}*1*150*112*20*MC*PAYERCLAIM${n}*11*1~`,
    'NM1*QC*1*DOE*JANE****MI*MEMBER0001~',
    'NM1*82*1*OKAFOR*DANA****XX*1245319599~',
    'SVC*HC:90837:HO*100*80**1~', 'DTM*472*20250301~', 'CAS*CO*45*10~', 'CAS*PR*2*10~', `REF*6R*${id}-1~`,
    'SVC*HC:96127*50*32**2~', 'DTM*472*20250301~', 'CAS*CO*45*8*0*97*10~', `REF*6R*${id}-2~`,
  ].join('\n') + '\n';
}
const SEGMENTS_PER_CLAIM = 12;
// ST, BPR, TRN, N1, PER, N1, LX and SE around the claims.
const ENVELOPE_SEGMENTS = 8;

/** Writes a balanced synthetic 835 of about `targetBytes` to `file` in chunks, never holding it whole. */
export function writeSynthetic835(file: string, targetBytes: number): { bytes: number; claims: number } {
  const fd = openSync(file, 'w');
  const perClaim = Buffer.byteLength(claimBlock(0));
  const claims = Math.max(1, Math.floor(targetBytes / perClaim));
  let bytes = 0;
  const put = (text: string): void => {
    bytes += writeSync(fd, text);
  };
  put(ISA + 'GS*HP*PAYER*PRACTICE*20250301*1200*1*X*005010X221A1~\nST*835*0001~\n');
  put(`BPR*I*${claims * 112}*C*ACH*CCP*01*999999999*DA*123456*1999999999**01*888888888*DA*654321*20250305~\n`);
  put('TRN*1*TRACE0001*1999999999~\nN1*PR*EXAMPLE PAYER~\nPER*BL*EDI DESK*TE*5555550100~\nN1*PE*RIVERBEND COUNSELING*XX*1234567893~\nLX*1~\n');
  let batch = '';
  for (let i = 0; i < claims; i++) {
    batch += claimBlock(i);
    if (batch.length > 1 << 20) {
      put(batch);
      batch = '';
    }
  }
  put(batch);
  put(`SE*${ENVELOPE_SEGMENTS + claims * SEGMENTS_PER_CLAIM}*0001~\nGE*1*1~\nIEA*1*000000001~\n`);
  closeSync(fd);
  return { bytes, claims };
}

/** The same synthetic 835 as a string, for in-memory comparisons. */
export function synthetic835(claims: number): string {
  const body: string[] = [];
  for (let i = 0; i < claims; i++) body.push(claimBlock(i));
  return (
    ISA + 'GS*HP*PAYER*PRACTICE*20250301*1200*1*X*005010X221A1~\nST*835*0001~\n' +
    `BPR*I*${claims * 112}*C*ACH*CCP*01*999999999*DA*123456*1999999999**01*888888888*DA*654321*20250305~\n` +
    'TRN*1*TRACE0001*1999999999~\nN1*PR*EXAMPLE PAYER~\nPER*BL*EDI DESK*TE*5555550100~\nN1*PE*RIVERBEND COUNSELING*XX*1234567893~\nLX*1~\n' +
    body.join('') +
    `SE*${ENVELOPE_SEGMENTS + claims * SEGMENTS_PER_CLAIM}*0001~\nGE*1*1~\nIEA*1*000000001~\n`
  );
}

const claim = (n: number): ProfessionalClaim => ({
  subscriber: { payerResponsibility: 'P', claimFilingIndicator: 'MC', memberId: `MCD${n}`, name: { last: 'Rivera', first: 'Alex' }, birthDate: '1990-04-12', gender: 'F' },
  payer: { name: 'Ohio Medicaid Example', payerId: 'MCDOH' },
  patientControlNumber: `RB-${n}`,
  frequency: '1',
  placeOfService: '11',
  providerSignature: true,
  assignment: 'A',
  benefitsAssigned: true,
  releaseOfInformation: 'Y',
  diagnoses: ['F411', 'F331'],
  priorAuthorization: 'PA778899',
  renderingProvider: { npi: '1245319599', name: { last: 'Okafor', first: 'Dana' }, taxonomy: '1041C0700X' },
  lines: [
    { procedureCode: '90837', modifiers: ['HO'], chargeCents: 15000, units: 1, diagnosisPointers: [1], serviceDate: '2025-03-07', lineControlNumber: `RB-${n}-1` },
    { procedureCode: '96127', chargeCents: 2500, units: 2, diagnosisPointers: [1, 2], serviceDate: '2025-03-07', lineControlNumber: `RB-${n}-2` },
  ],
});

/** A claim set of `count` behavioral-health claims under one billing provider. */
export function benchClaimSet(count: number): ProfessionalClaimSet {
  return {
    control: { interchange: '000000101', group: '101', transaction: '0001', batchReference: 'BATCH101' },
    createdAt: { date: '2025-03-10', time: '0930' },
    usage: 'T',
    purpose: '00',
    interchangeSender: { qualifier: 'ZZ', id: 'REVCYCLE' },
    interchangeReceiver: { qualifier: 'ZZ', id: 'CLEARINGHOUSE' },
    submitter: { name: 'Riverbend Counseling', id: 'RIVERBEND01', contactName: 'Billing Office', phone: '5555550100' },
    receiver: { name: 'Example Clearinghouse', id: 'CLEARING01' },
    billingProvider: {
      organizationName: 'Riverbend Counseling',
      npi: '1234567893',
      taxId: { qualifier: 'EI', value: '990000001' },
      address: { line1: '100 River Road', city: 'Dayton', state: 'OH', zip: '454020001' },
    },
    claims: Array.from({ length: count }, (_, i) => claim(i)),
  };
}
