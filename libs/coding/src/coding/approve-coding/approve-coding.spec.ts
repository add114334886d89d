import { codingRules, codingSubject, givenCoding, signedFacts } from '@revcycle/coding/testing';

import { suggestCoding } from '../coding-evaluation';
import type { CodingDraftOpened } from '../coding.events';
import { decideApproveCoding } from './approve-coding.command';

const profile = { payer: { payerId: 'acme', payerKind: 'commercial' as const }, providerCredential: 'LCSW' };
const approve = { encounterId: codingSubject().encounterId, approvedBy: 'coder-1', approvedAt: '2026-03-06T10:00:00.000Z' };

function opened(facts = signedFacts()): CodingDraftOpened {
  const suggestion = suggestCoding(facts, profile, codingRules());
  return { type: 'coding.CodingDraftOpened', data: { ...codingSubject(), facts, ...suggestion, codingVersion: 1, sourceEventId: 'signed-1', openedAt: '2026-03-04T15:10:00.000Z' } };
}

describe('ApproveCoding', () => {
  it('approves a clean draft as the public CodingApproved with lines, diagnoses and versions', () => {
    const [event] = decideApproveCoding(approve, givenCoding([opened()]));
    expect(event).toMatchObject({
      type: 'coding.CodingApproved',
      data: {
        encounterId: approve.encounterId,
        codingVersion: 1,
        payerId: 'acme',
        diagnoses: ['F331', 'F411'],
        lines: [{ code: '90837', modifiers: ['95'], units: 1, placeOfService: '10', diagnosisPointers: [1, 2] }],
        override: null,
        approvedBy: 'coder-1',
      },
    });
    expect(event.data).toHaveProperty('rulesetVersion');
  });

  it('refuses approval while error findings remain', () => {
    const draft = givenCoding([opened(signedFacts({ diagnoses: ['F32'] }))]);
    expect(() => decideApproveCoding(approve, draft)).toThrow(expect.objectContaining({ code: 'CODING.APPROVAL_BLOCKED_BY_FINDINGS' }));
  });

  it('approves over error findings with a reason, recording the overridden rules', () => {
    const draft = givenCoding([opened(signedFacts({ diagnoses: ['F32'] }))]);
    const [event] = decideApproveCoding({ ...approve, overrideReason: 'Payer accepts the category per its 2026 bulletin' }, draft);
    expect(event.type === 'coding.CodingApproved' && event.data.override).toEqual({
      reason: 'Payer accepts the category per its 2026 bulletin',
      overriddenRuleIds: expect.arrayContaining(['CODING.DIAGNOSIS.NOT_BILLABLE']),
    });
  });

  it('refuses an empty override reason, a draft without lines, a second approval and an unknown coding', () => {
    const draft = givenCoding([opened()]);
    expect(() => decideApproveCoding({ ...approve, overrideReason: '  ' }, draft)).toThrow(expect.objectContaining({ code: 'VALIDATION.FAILED' }));
    const empty = givenCoding([opened(signedFacts({ minutes: 15 }))]);
    expect(() => decideApproveCoding({ ...approve, overrideReason: 'nothing to bill' }, empty)).toThrow(expect.objectContaining({ code: 'CODING.NOT_READY_NO_LINES' }));
    const approved = givenCoding([opened(), ...decideApproveCoding(approve, draft)]);
    expect(() => decideApproveCoding(approve, approved)).toThrow(expect.objectContaining({ code: 'CODING.CODING_ALREADY_APPROVED' }));
    expect(() => decideApproveCoding(approve, givenCoding([]))).toThrow(expect.objectContaining({ code: 'CODING.CODING_NOT_FOUND' }));
  });
});
