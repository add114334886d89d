import { readFixture, readSample, sharedMaps } from '../../testing';
import { readX12 } from '../reader/read-x12';
import { validateX12 } from '../validator/validate';
import { parse999 } from './parse-999';

const parse = (text: string | Buffer) => {
  const read = readX12(text);
  return { read, parsed: parse999(read.value!) };
};

describe('parse999', () => {
  it('reads an accepted acknowledgment of our 837P group', () => {
    const { parsed } = parse(readFixture('999-accepted.x12'));
    expect(parsed.issues).toEqual([]);
    expect(parsed.value).toEqual([
      {
        functionalId: 'HC',
        groupControlNumber: '101',
        version: '005010X222A1',
        status: 'accepted',
        statusCode: 'A',
        counts: { included: 1, received: 1, accepted: 1 },
        errorCodes: [],
        transactionSets: [
          { transactionSetId: '837', controlNumber: '0001', implementationRef: '005010X222A1', status: 'accepted', statusCode: 'A', errorCodes: [], segmentErrors: [] },
        ],
      },
    ]);
  });

  it('keeps IK3 positions, CTX and IK4 detail so a rejected claim can be worked', () => {
    const { parsed } = parse(readFixture('999-partially-accepted.x12'));
    const [group] = parsed.value!;
    expect(group).toMatchObject({ status: 'partially-accepted', counts: { included: 3, received: 3, accepted: 2 } });
    expect(group.transactionSets.map((t) => [t.controlNumber, t.status])).toEqual([
      ['0001', 'rejected'],
      ['0002', 'accepted'],
      ['0003', 'accepted-with-errors'],
    ]);
    const [rejected] = group.transactionSets;
    expect(rejected.errorCodes).toEqual(['5']);
    expect(rejected.segmentErrors[0]).toEqual({
      segmentId: 'NM1',
      position: 17,
      loopId: '2010',
      code: '8',
      context: ['CLM01:RB-SEC-0006'],
      elementErrors: [{ position: 8, component: undefined, repetition: undefined, dataElement: '66', code: '7', badValue: 'ZZ' }],
    });
    expect(rejected.segmentErrors[1].elementErrors[0]).toMatchObject({ position: 3, component: 1, code: '8', badValue: '20251340' });
  });

  it('reports the truncated 999 sample (835-tr3-managed-care.835.997): AK1 without verdict', () => {
    const { read, parsed } = parse(readSample('835-tr3-managed-care.835.997'));
    expect(parsed.value).toEqual([expect.objectContaining({ functionalId: 'HP', groupControlNumber: '1', transactionSets: [] })]);
    expect(parsed.issues.map((i) => i.code)).toEqual(['AK9_MISSING']);
    expect(read.issues.map((i) => i.code)).toEqual(['MISSING_SE', 'MISSING_GE', 'MISSING_IEA']);
  });

  it('passes the 999 map except for the claim CTX the pyx12 map does not describe', () => {
    const read = readX12(readFixture('999-partially-accepted.x12'));
    const found = validateX12(read.value!, sharedMaps()).map((i) => `${i.code} ${i.element}`);
    // X231 identifies an 837 claim with CTX*CLM01:<CLM01>; the map only knows the segment-context CTX layout.
    expect(found).toEqual(['INVALID_CODE CTX01-01', 'ELEMENT_NOT_USED CTX01-02', 'REQUIRED_ELEMENT_MISSING CTX02', 'REQUIRED_ELEMENT_MISSING CTX03']);
  });
});
