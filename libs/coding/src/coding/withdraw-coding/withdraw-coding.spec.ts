import { codingRules, codingSubject, givenCoding, signedFacts } from '@revcycle/coding/testing';

import { decideApproveCoding } from '../approve-coding/approve-coding.command';
import { decideChangeCodedLine } from '../change-coded-line/change-coded-line.command';
import { suggestCoding } from '../coding-evaluation';
import { decideOpenCodingDraft } from '../open-coding-draft/open-coding-draft.command';
import { decideReviseCodingForAddendum } from '../revise-coding-for-addendum/revise-coding-for-addendum.command';
import { decideWithdrawCoding } from './withdraw-coding.command';

const profile = { payer: { payerKind: 'commercial' as const }, providerCredential: 'LCSW' };
const suggestion = suggestCoding(signedFacts(), profile, codingRules());
const encounterId = codingSubject().encounterId;
const opened = decideOpenCodingDraft({ subject: codingSubject(), facts: signedFacts(), sourceEventId: 'signed-1', suggestion, openedAt: '2026-03-04T15:10:00.000Z' }, givenCoding([]));
const approved = [...opened, ...decideApproveCoding({ encounterId, approvedBy: 'coder-1', approvedAt: '2026-03-05T10:00:00.000Z' }, givenCoding(opened))];
const withdraw = { encounterId, reason: 'wrong_patient', withdrawnAt: '2026-03-06T10:00:00.000Z' };

describe('WithdrawCoding', () => {
  it('withdraws a draft, and says so when an approval had been published', () => {
    expect(decideWithdrawCoding(withdraw, givenCoding(opened))).toEqual([
      { type: 'coding.CodingWithdrawn', data: { encounterId, patientId: codingSubject().patientId, dateOfService: '2026-03-04', codingVersion: 1, reason: 'wrong_patient', wasApproved: false, withdrawnAt: '2026-03-06T10:00:00.000Z' } },
    ]);
    expect(decideWithdrawCoding(withdraw, givenCoding(approved))[0].data).toMatchObject({ wasApproved: true });
  });

  it('withdraws nothing twice and nothing never coded', () => {
    const withdrawn = [...opened, ...decideWithdrawCoding(withdraw, givenCoding(opened))];
    expect(decideWithdrawCoding(withdraw, givenCoding(withdrawn))).toEqual([]);
    expect(decideWithdrawCoding(withdraw, givenCoding([]))).toEqual([]);
  });

  it('closes a withdrawn coding to review, approval and addenda', () => {
    const state = givenCoding([...opened, ...decideWithdrawCoding(withdraw, givenCoding(opened))]);
    const change = { encounterId, lineIndex: 0, change: { field: 'units' as const, units: 1 }, reason: 'late fix', changedBy: 'coder-1', changedAt: 'now', rules: codingRules() };
    expect(() => decideChangeCodedLine(change, state)).toThrow(expect.objectContaining({ code: 'CODING.CODING_ALREADY_WITHDRAWN' }));
    expect(() => decideApproveCoding({ encounterId, approvedBy: 'coder-1', approvedAt: 'now' }, state)).toThrow(expect.objectContaining({ code: 'CODING.CODING_ALREADY_WITHDRAWN' }));
    const addendum = { encounterId, addendumId: 'a-1', dateOfService: '2026-03-04', renderingProviderId: codingSubject().renderingProviderId, facts: signedFacts(), suggestion, recordedAt: 'now' };
    expect(decideReviseCodingForAddendum(addendum, state)).toEqual([]);
  });
});
