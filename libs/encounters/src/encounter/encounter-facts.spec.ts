import { encounterFactsInput } from '@revcycle/encounters/testing';

import { findNoteLikeField } from './encounter-facts';

describe('findNoteLikeField (security.md PN-1)', () => {
  it('finds nothing in a body of billable facts only', () => {
    expect(findNoteLikeField({ patientId: 'p', facts: encounterFactsInput(), reason: 'correction' })).toBeUndefined();
  });

  it.each<[object, string]>([
    [{ psychotherapyNote: 'x' }, 'psychotherapyNote'],
    [{ facts: { ...encounterFactsInput(), sessionSummary: 'x' } }, 'facts.sessionSummary'],
    [{ changes: { diagnoses: ['F33.1'] }, extra: [{ freeText: 'x' }] }, 'extra[0].freeText'],
  ])('names the path of note text hidden in %j', (body, path) => {
    expect(findNoteLikeField(body)).toBe(path);
  });

  it('ignores values: a diagnosis code is not a key', () => {
    expect(findNoteLikeField({ diagnoses: ['note'] })).toBeUndefined();
  });
});
