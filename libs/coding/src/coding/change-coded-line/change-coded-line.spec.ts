import { codingRules, codingSubject, givenCoding, signedFacts } from '@revcycle/coding/testing';

import { suggestCoding } from '../coding-evaluation';
import type { CodingDraftOpened, CodingEvent } from '../coding.events';
import { decideChangeCodedLine, type ChangeCodedLine, type LineChange } from './change-coded-line.command';

const profile = { payer: { payerId: 'acme', payerKind: 'commercial' as const }, providerCredential: 'LCSW' };
const fees = { byPayer: { acme: [{ code: '90837', effectiveFrom: '2026-01-01', unitChargeCents: 18000 }, { code: '90834', effectiveFrom: '2026-01-01', unitChargeCents: 14000 }] } };
const rules = codingRules({ feeSchedules: fees });
const opened: CodingDraftOpened = {
  type: 'coding.CodingDraftOpened',
  data: { ...codingSubject(), facts: signedFacts(), ...suggestCoding(signedFacts(), profile, rules), codingVersion: 1, sourceEventId: 'signed-1', openedAt: '2026-03-04T15:10:00.000Z' },
};

const command = (change: LineChange, lineIndex = 0): ChangeCodedLine => ({
  encounterId: codingSubject().encounterId,
  lineIndex,
  change,
  reason: 'Documented time supports 45 minutes',
  changedBy: 'coder-1',
  changedAt: '2026-03-05T10:00:00.000Z',
  rules,
});

describe('ChangeCodedLine', () => {
  it('records who changed what and why, re-prices the line and re-checks the findings', () => {
    const [event] = decideChangeCodedLine(command({ field: 'code', code: '90834' }), givenCoding([opened]));
    expect(event).toMatchObject({
      type: 'coding.CodedLineChanged',
      data: {
        field: 'code',
        before: { code: '90837', chargeCents: 18000 },
        after: { code: '90834', chargeCents: 14000 },
        reason: 'Documented time supports 45 minutes',
        changedBy: 'coder-1',
      },
    });
    expect(givenCoding([opened, event])).toMatchObject({ status: 'draft', evaluation: { lines: [{ code: '90834' }] } });
  });

  it('turns an invalid edit into an error finding that blocks approval', () => {
    const [event] = decideChangeCodedLine(command({ field: 'units', units: 2 }), givenCoding([opened]));
    const errors = (event as Extract<CodingEvent, { type: 'coding.CodedLineChanged' }>).data.evaluation.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.ruleId)).toEqual(['CODING.PSYCHOTHERAPY.ONE_UNIT']);
  });

  it('keeps the distinct-service reason with the modifiers it explains', () => {
    const [event] = decideChangeCodedLine(command({ field: 'modifiers', modifiers: ['95', 'XE'], distinctServiceReason: 'Separate session later that day' }), givenCoding([opened]));
    expect((event as Extract<CodingEvent, { type: 'coding.CodedLineChanged' }>).data.after).toMatchObject({ modifiers: ['95', 'XE'], distinctServiceReason: 'Separate session later that day' });
  });

  it('records nothing when the line already reads that way', () => {
    expect(decideChangeCodedLine(command({ field: 'diagnosisPointers', diagnosisPointers: [1, 2] }), givenCoding([opened]))).toEqual([]);
  });

  it('refuses a missing line, a blank reason, an approved coding and an unknown coding', () => {
    const draft = givenCoding([opened]);
    expect(() => decideChangeCodedLine(command({ field: 'units', units: 1 }, 3), draft)).toThrow(expect.objectContaining({ code: 'CODING.LINE_NOT_FOUND' }));
    expect(() => decideChangeCodedLine({ ...command({ field: 'units', units: 1 }), reason: ' ' }, draft)).toThrow(expect.objectContaining({ code: 'VALIDATION.FAILED' }));
    const approved = givenCoding([opened, { type: 'coding.CodingApproved', data: { ...codingSubject(), codingVersion: 1, diagnoses: [], lines: [], rulesetVersion: 'x', codeSetReleaseIds: [], override: null, approvedBy: 'c', approvedAt: 'now' } }]);
    expect(() => decideChangeCodedLine(command({ field: 'units', units: 1 }), approved)).toThrow(expect.objectContaining({ code: 'CODING.CODING_ALREADY_APPROVED' }));
    expect(() => decideChangeCodedLine(command({ field: 'units', units: 1 }), givenCoding([]))).toThrow(expect.objectContaining({ code: 'CODING.CODING_NOT_FOUND' }));
  });
});
