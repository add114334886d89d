import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { fixturePath, readSample, sampleNames, sharedMaps } from '../testing';
import { parse277CA } from './277ca/parse-277ca';
import { parse835 } from './835/parse-835';
import { read837P } from './837p/read-837p';
import { parse999 } from './999/parse-999';
import type { X12Issue } from './issues';
import { readX12 } from './reader/read-x12';
import { validateX12 } from './validator/validate';

// x12.md §12: mutated input never crashes, never hangs, and always yields a typed error or findings.
const inputs: Buffer[] = [
  ...sampleNames().map(readSample),
  ...readdirSync(fixturePath('.')).filter((n) => n.endsWith('.x12')).map((n) => readFileSync(fixturePath(n))),
];

const segmentBounds = (bytes: Buffer): number[] => {
  const out: number[] = [];
  bytes.forEach((b, i) => (b === 0x7e || b === 0x5f ? out.push(i + 1) : undefined));
  return out;
};

type Mutation = (bytes: Buffer) => Buffer;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((f): Mutation => (b) => b.subarray(0, Math.floor(b.length * f))),
  fc.nat().map((n): Mutation => (b) => {
    const cuts = segmentBounds(b);
    if (cuts.length < 2) return b;
    const i = n % (cuts.length - 1);
    return Buffer.concat([b.subarray(0, cuts[i]), b.subarray(cuts[i + 1])]);
  }),
  fc.nat().map((n): Mutation => (b) => {
    const cuts = segmentBounds(b);
    if (cuts.length < 2) return b;
    const i = n % (cuts.length - 1);
    return Buffer.concat([b.subarray(0, cuts[i + 1]), b.subarray(cuts[i], cuts[i + 1]), b.subarray(cuts[i + 1])]);
  }),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 12 })).map(([n, junk]): Mutation => (b) => {
    const at = b.length ? n % b.length : 0;
    return Buffer.concat([b.subarray(0, at), Buffer.from(junk), b.subarray(at)]);
  }),
  fc.tuple(fc.constantFrom('SE*', 'GE*', 'IEA*'), fc.integer({ min: 0, max: 99 })).map(([tag, count]): Mutation => (b) => {
    const text = b.toString('latin1');
    const at = text.indexOf(tag);
    if (at < 0) return b;
    const end = text.indexOf('*', at + tag.length);
    return end < 0 ? b : Buffer.from(text.slice(0, at + tag.length) + count + text.slice(end), 'latin1');
  }),
);

function everything(bytes: Buffer): X12Issue[] {
  const read = readX12(bytes);
  if (!read.value) return read.issues;
  return [
    ...read.issues,
    ...parse835(read.value).issues,
    ...read837P(read.value).issues,
    ...parse999(read.value).issues,
    ...parse277CA(read.value).issues,
    ...validateX12(read.value, sharedMaps()),
  ];
}

const typed = (issue: X12Issue): boolean =>
  (issue.severity === 'error' || issue.severity === 'warning') && /^[A-Z0-9_]+$/.test(issue.code) && issue.message.length > 0;

describe('hostile input (property)', () => {
  it('mutated samples and fixtures never crash or hang and always give typed results', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (pick, mutations) => {
        const original = inputs[pick % inputs.length];
        const mutated = mutations.reduce((b, m) => m(b), original);
        const started = Date.now();
        const read = readX12(mutated);
        const issues = everything(mutated);
        expect(Date.now() - started).toBeLessThan(2000);
        expect(read.value !== undefined || read.issues.some((i) => i.severity === 'error')).toBe(true);
        expect(issues.every(typed)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('a clean file cut at any segment boundary is reported as truncated', () => {
    const clean = [readSample('835-medicaid-t1005-denied.txt'), ...inputs.slice(sampleNames().length)];
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (pick, cut) => {
        const bytes = clean[pick % clean.length];
        const bounds = segmentBounds(bytes).slice(0, -1);
        const read = readX12(bytes.subarray(0, bounds[cut % bounds.length]));
        expect(read.issues.map((i) => i.code)).toContain('MISSING_IEA');
      }),
      { numRuns: 200 },
    );
  });

  it('random bytes are refused with one positioned error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const read = readX12(Buffer.from(bytes));
        if (!read.value) expect(read.issues.filter((i) => i.severity === 'error').length).toBe(1);
        expect(read.issues.every(typed)).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it('random segments after a valid header give findings, not exceptions', () => {
    const ISA = 'ISA*00*          *00*          *ZZ*A              *ZZ*B              *250101*1200*^*00501*000000001*0*T*:~';
    const segmentText = fc.string({ unit: fc.constantFrom(...'ABCHLMNSTVX0123456789*:^~ -.'.split('')), maxLength: 40 });
    fc.assert(
      fc.property(fc.array(segmentText, { maxLength: 40 }), (segs) => {
        const issues = everything(Buffer.from(ISA + segs.join('~')));
        expect(issues.every(typed)).toBe(true);
        expect(issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 600 },
    );
  });
});
