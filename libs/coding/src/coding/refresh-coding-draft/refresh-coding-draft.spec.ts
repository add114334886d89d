import { codingRules, codingSubject, givenCoding, signedFacts } from '@revcycle/coding/testing';

import { suggestCoding } from '../coding-evaluation';
import { decideOpenCodingDraft } from '../open-coding-draft/open-coding-draft.command';
import { decideWithdrawCoding } from '../withdraw-coding/withdraw-coding.command';
import { decideRefreshCodingDraft } from './refresh-coding-draft.command';

const encounterId = codingSubject().encounterId;
const facts = signedFacts();
const openedWithoutPayer = decideOpenCodingDraft({ subject: codingSubject(), facts, sourceEventId: 'signed-1', suggestion: suggestCoding(facts, {}, codingRules()), openedAt: 'then' }, givenCoding([]));
const refresh = { encounterId, profile: { payer: { payerKind: 'medicare' as const }, providerCredential: 'PhD' }, rules: codingRules(), refreshedBy: 'coder-1', refreshedAt: 'now' };

describe('RefreshCodingDraft', () => {
  it("suggests the lines from the signed facts once the payer and the credential are known", () => {
    const [event] = decideRefreshCodingDraft(refresh, givenCoding(openedWithoutPayer));
    expect(event).toMatchObject({ type: 'coding.CodingDraftRefreshed', data: { refreshedBy: 'coder-1', lines: [{ code: '90837', modifiers: ['95', 'AH'] }] } });
    expect(givenCoding([...openedWithoutPayer, event])).toMatchObject({ status: 'draft', request: { payerKind: 'medicare' }, evaluation: { lines: [{ code: '90837' }] } });
  });

  it('refuses an unknown or withdrawn coding', () => {
    expect(() => decideRefreshCodingDraft(refresh, givenCoding([]))).toThrow(expect.objectContaining({ code: 'CODING.CODING_NOT_FOUND' }));
    const withdrawn = [...openedWithoutPayer, ...decideWithdrawCoding({ encounterId, reason: 'duplicate', withdrawnAt: 'now' }, givenCoding(openedWithoutPayer))];
    expect(() => decideRefreshCodingDraft(refresh, givenCoding(withdrawn))).toThrow(expect.objectContaining({ code: 'CODING.CODING_ALREADY_WITHDRAWN' }));
  });
});
