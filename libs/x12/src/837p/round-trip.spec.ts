import fc from 'fast-check';
import { asWritten, bhScenarios, sharedMaps } from '../../testing';
import { claimSetArbitrary } from '../../testing/claim-arbitraries';
import { readX12 } from '../reader/read-x12';
import { validateX12 } from '../validator/validate';
import { generate837P } from './generate-837p';
import { read837P } from './read-837p';

const { claims: _claims, ...envelope } = bhScenarios().individual;

describe('837P round trip (property)', () => {
  it('model → 837P → read keeps every value, and the output passes the validator', () => {
    fc.assert(
      fc.property(claimSetArbitrary(envelope), (set) => {
        const out = generate837P(set);
        expect(out.issues).toEqual([]);
        const read = readX12(out.value!);
        expect(read.issues).toEqual([]);
        expect(read837P(read.value!).value).toEqual([asWritten(set)]);
        expect(validateX12(read.value!, sharedMaps()).filter((i) => i.severity === 'error')).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('any Unicode name is either refused with its field named or written and read back unchanged', () => {
    const base = bhScenarios().individual;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (last) => {
        const claim = { ...base.claims[0], subscriber: { ...base.claims[0].subscriber, name: { last } } };
        const out = generate837P({ ...base, claims: [claim] });
        if (!out.value) {
          expect(out.issues.map((i) => i.element)).toEqual(['claims[0].subscriber.name.last']);
          return;
        }
        const read = readX12(out.value);
        expect(read.issues).toEqual([]);
        expect(read837P(read.value!).value![0].claims[0].subscriber.name.last).toBe(last.toUpperCase());
      }),
      { numRuns: 300 },
    );
  });
});
