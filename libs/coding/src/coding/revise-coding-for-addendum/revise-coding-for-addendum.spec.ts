import { codingRules, codingSubject, givenCoding, signedFacts } from '@revcycle/coding/testing';

import { suggestCoding } from '../coding-evaluation';
import type { CodingEvent } from '../coding.events';
import { decideOpenCodingDraft } from '../open-coding-draft/open-coding-draft.command';
import { decideReviseCodingForAddendum } from './revise-coding-for-addendum.command';

const profile = { payer: { payerKind: 'medicaid' as const }, providerCredential: 'LCSW' };
const suggest = (minutes: number) => suggestCoding(signedFacts({ minutes }), profile, codingRules());
const open = decideOpenCodingDraft({ subject: codingSubject(), facts: signedFacts(), sourceEventId: 'signed-1', suggestion: suggest(53), openedAt: '2026-03-04T15:10:00.000Z' }, givenCoding([]));
const addendum = (addendumId = 'addendum-1') => ({
  encounterId: codingSubject().encounterId,
  addendumId,
  dateOfService: '2026-03-04',
  renderingProviderId: codingSubject().renderingProviderId,
  facts: signedFacts({ minutes: 45 }),
  suggestion: suggest(45),
  recordedAt: '2026-03-06T09:00:00.000Z',
});
const approved: CodingEvent = { type: 'coding.CodingApproved', data: { ...codingSubject(), codingVersion: 1, diagnoses: [], lines: [], rulesetVersion: 'x', codeSetReleaseIds: [], override: null, approvedBy: 'coder-1', approvedAt: '2026-03-05T10:00:00.000Z' } };

describe('OpenCodingDraft and ReviseCodingForAddendum', () => {
  it('opens one draft per encounter; a second signing event opens nothing', () => {
    expect(open).toEqual([expect.objectContaining({ type: 'coding.CodingDraftOpened' })]);
    expect(open[0].type === 'coding.CodingDraftOpened' && open[0].data.lines.map((l) => [l.code, l.modifiers])).toEqual([['90837', ['95', 'HO']]]);
    expect(decideOpenCodingDraft({ subject: codingSubject(), facts: signedFacts(), sourceEventId: 'signed-2', suggestion: suggest(53), openedAt: 'later' }, givenCoding(open))).toEqual([]);
  });

  it('revises a draft from the amended facts', () => {
    const [event] = decideReviseCodingForAddendum(addendum(), givenCoding(open));
    expect(event).toMatchObject({ type: 'coding.CodingDraftRevised', data: { addendumId: 'addendum-1', lines: [{ code: '90834' }] } });
  });

  it('reopens an approved coding as its next version', () => {
    const [event] = decideReviseCodingForAddendum(addendum(), givenCoding([...open, approved]));
    expect(event).toMatchObject({ type: 'coding.CodingReopened', data: { codingVersion: 2, reopenedAt: '2026-03-06T09:00:00.000Z' } });
    expect(givenCoding([...open, approved, event])).toMatchObject({ status: 'draft', codingVersion: 2 });
  });

  it('ignores a redelivered addendum and an addendum to an encounter that was never coded', () => {
    const revised = decideReviseCodingForAddendum(addendum(), givenCoding(open));
    expect(decideReviseCodingForAddendum(addendum(), givenCoding([...open, ...revised]))).toEqual([]);
    expect(decideReviseCodingForAddendum(addendum(), givenCoding([]))).toEqual([]);
  });
});
