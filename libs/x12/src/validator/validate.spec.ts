import { readSample, sampleNames, sharedMaps } from '../../testing';
import type { X12Issue } from '../issues';
import { readX12 } from '../reader/read-x12';
import { validateX12 } from './validate';

const maps = sharedMaps();
const validateSample = (name: string): X12Issue[] => {
  const read = readX12(readSample(name));
  return [...read.issues, ...validateX12(read.value!, maps)];
};
const errors = (issues: X12Issue[]): string[] => issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.element ?? i.segmentId}`);

describe('validateX12 on the shared samples', () => {
  it('has a test below for every shared sample file', () => {
    const tested = [
      '835-bh-adamh-reversals-plb.txt', '835-medicaid-t1005-denied.txt', '835-tr3-managed-care.835', '835-tr3-managed-care.835.997',
      '835-tr3-medicare-part-a-plb.835', '835-tr3-secondary-payment.835', '837p-neg-missing-entity-code.txt', '837p-neg-segment-errors.txt',
      '837p-odd-delimiters.txt', '837p-tr3-cob-secondary.837', '837p-tr3-examples-1-2-3.txt',
    ];
    // The other two are covered where they belong: the UTF-16 file by the reader, the three-interchange file by the 835 parser.
    expect([...tested, '835-medicaid-deidentified-3-interchanges.txt', '837p-neg-utf16le.txt'].sort()).toEqual(sampleNames());
  });

  it('835-medicaid-t1005-denied.txt is clean', () => {
    expect(validateSample('835-medicaid-t1005-denied.txt')).toEqual([]);
  });

  it('835-tr3-managed-care.835: only the missing PER*BL and the impossible BPR16 date', () => {
    expect(errors(validateSample('835-tr3-managed-care.835'))).toEqual(['INVALID_DATE BPR16', 'REQUIRED_SEGMENT_MISSING PER']);
  });

  it('835-tr3-medicare-part-a-plb.835: missing PER*BL and the TS3 elements not used in X221A1', () => {
    expect(errors(validateSample('835-tr3-medicare-part-a-plb.835'))).toEqual([
      'REQUIRED_SEGMENT_MISSING PER',
      'ELEMENT_NOT_USED TS309',
      'ELEMENT_NOT_USED TS311',
      'ELEMENT_NOT_USED TS309',
      'ELEMENT_NOT_USED TS311',
    ]);
  });

  it('835-tr3-secondary-payment.835: SVC01 written with > under ISA16 : is an invalid qualifier', () => {
    const found = errors(validateSample('835-tr3-secondary-payment.835'));
    expect(found).toEqual(expect.arrayContaining(['INVALID_CODE SVC01-01', 'REQUIRED_ELEMENT_MISSING BPR16', 'REQUIRED_SEGMENT_MISSING PER']));
    expect(found).not.toContain('IMBALANCE undefined');
  });

  it('835-bh-adamh-reversals-plb.txt: version, CR group, ZZ qualifier, truncated CLP, PER*BL and the imbalance', () => {
    const found = errors(validateSample('835-bh-adamh-reversals-plb.txt'));
    expect(found).toEqual(
      expect.arrayContaining([
        'INVALID_CODE ISA12',
        'INVALID_CODE GS08',
        'INVALID_CODE CAS01',
        'INVALID_CODE SVC01-01',
        'REQUIRED_ELEMENT_MISSING CLP03',
        'REQUIRED_SEGMENT_MISSING PER',
        'IMBALANCE undefined',
      ]),
    );
  });

  it('837p-neg-segment-errors.txt: the imsweb expectations and the documented extras', () => {
    const issues = validateSample('837p-neg-segment-errors.txt');
    const messages = issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'N3 in loop 2010AA is required but not found',
        'HI in loop 2300 is required but not found',
        'REF in loop 2010AA appears too many times (at most 1)',
      ]),
    );
    expect(errors(issues)).toEqual(expect.arrayContaining(['SE_COUNT_MISMATCH SE01', 'CLAIM_TOTAL_MISMATCH CLM02', 'HL_CHILD_MISSING HL04']));
  });

  it('837p-odd-delimiters.txt: SE01 25 vs 34, duplicate HL id 2, HI written as separate elements', () => {
    const found = errors(validateSample('837p-odd-delimiters.txt'));
    expect(found).toEqual(expect.arrayContaining(['SE_COUNT_MISMATCH SE01', 'HL_DUPLICATE_ID HL01', 'REQUIRED_ELEMENT_MISSING HI01-02', 'INVALID_CODE HI02-01']));
  });

  it('837p-neg-missing-entity-code.txt: empty NM101 in 2310, no HI, CLM02 ≠ Σ SV102', () => {
    const issues = validateSample('837p-neg-missing-entity-code.txt');
    expect(issues).toContainEqual(expect.objectContaining({ code: 'REQUIRED_ELEMENT_MISSING', element: 'NM101', loop: '2310A', position: 23 }));
    expect(errors(issues)).toEqual(expect.arrayContaining(['REQUIRED_SEGMENT_MISSING HI', 'CLAIM_TOTAL_MISMATCH CLM02', 'INVALID_CODE SV101-01']));
  });

  it('837p-tr3-examples-1-2-3.txt: GS08 without A1, ICD-9 qualifiers, DMG inside 2320; claim totals balance', () => {
    const issues = validateSample('837p-tr3-examples-1-2-3.txt');
    expect(errors(issues)).toEqual(expect.arrayContaining(['INVALID_CODE GS08', 'SEGMENT_NOT_EXPECTED DMG']));
    expect(issues.find((i) => i.code === 'SEGMENT_NOT_EXPECTED')).toMatchObject({ loop: '2320' });
    expect(issues.filter((i) => i.code === 'ICD9_QUALIFIER')).toHaveLength(8);
    expect(issues.filter((i) => i.code === 'CLAIM_TOTAL_MISMATCH')).toEqual([]);
  });

  it('837p-tr3-cob-secondary.837: version A2, ICD-9 qualifiers, 4-digit ZIP in the pay-to N4', () => {
    const issues = validateSample('837p-tr3-cob-secondary.837');
    expect(errors(issues)).toEqual(['INVALID_CODE GS08', 'ZIP_INVALID N403']);
    expect(issues.filter((i) => i.code === 'ICD9_QUALIFIER').map((i) => i.element)).toEqual(['HI01', 'HI02', 'HI03', 'HI04']);
  });

  it('835-tr3-managed-care.835.997: a truncated 999 misses its AK9 and trailers', () => {
    const found = errors(validateSample('835-tr3-managed-care.835.997'));
    expect(found).toEqual(expect.arrayContaining(['MISSING_SE AK1', 'REQUIRED_SEGMENT_MISSING AK9', 'INVALID_CODE GS08']));
  });
});

describe('validateX12 on synthetic defects', () => {
  const ISA = 'ISA*00*          *00*          *ZZ*SUB            *ZZ*RCV            *250301*1200*^*00501*000000001*0*T*:~';
  const claimFile = (hi: string, sv1: string, extra = ''): string => {
    const body = [
      'BHT*0019*00*B1*20250301*1200*CH', 'NM1*41*2*PRACTICE*****46*S1', 'PER*IC*BILLING*TE*5555550100', 'NM1*40*2*CH*****46*R1',
      'HL*1**20*1', 'NM1*85*2*PRACTICE*****XX*1234567893', 'N3*1 MAIN ST', 'N4*DAYTON*OH*45402', 'REF*EI*123456789',
      'HL*2*1*22*0', 'SBR*P*18*******MC', 'NM1*IL*1*DOE*JANE****MI*M1', 'NM1*PR*2*MEDICAID*****PI*P1',
      'CLM*C1*150***11:B:1*Y*A*Y*Y', hi, 'LX*1', sv1, 'DTP*472*D8*20250301', extra,
    ].filter(Boolean);
    return `${ISA}GS*HC*SUB*RCV*20250301*1200*1*X*005010X222A1~ST*837*0001*005010X222A1~${body.join('~')}~SE*${body.length + 2}*0001~GE*1*1~IEA*1*000000001~`;
  };
  const run = (text: string): X12Issue[] => {
    const read = readX12(text);
    return [...read.issues, ...validateX12(read.value!, maps)];
  };

  it('accepts a minimal clean claim', () => {
    expect(run(claimFile('HI*ABK:F411', 'SV1*HC:90837*150*UN*1***1'))).toEqual([]);
  });

  it('reports a dotted ICD-10 code', () => {
    expect(run(claimFile('HI*ABK:F32.1', 'SV1*HC:90837*150*UN*1***1'))).toContainEqual(expect.objectContaining({ code: 'DIAGNOSIS_HAS_DOT', element: 'HI01' }));
  });

  it('reports a stray empty element that shifts the SV1 values', () => {
    const codes = run(claimFile('HI*ABK:F411', 'SV1*HC:90791**150.00')).map((i) => `${i.code} ${i.element}`);
    expect(codes).toEqual(expect.arrayContaining(['REQUIRED_ELEMENT_MISSING SV102', 'INVALID_CODE SV103']));
  });

  it('reports SV1 without its LX', () => {
    const text = claimFile('HI*ABK:F411', 'SV1*HC:90837*150*UN*1***1').replace('~LX*1~', '~');
    expect(run(text)).toContainEqual(expect.objectContaining({ code: 'SEGMENT_NOT_EXPECTED', segmentId: 'SV1' }));
  });
});
