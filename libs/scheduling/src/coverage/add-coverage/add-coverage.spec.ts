import { COVERAGE_ID, coverageAdded, eligibilityChecked, givenCoverage, schedulingContext } from '@revcycle/scheduling/testing';

import type { CoverageTerms, EligibilityOutcome } from '../coverage.events';
import { isCoverageActiveOn } from '../coverage.state';
import { decideEndCoverage } from '../end-coverage/end-coverage.command';
import { decideRecordEligibilityCheck } from '../record-eligibility-check/record-eligibility-check.command';
import { decideAddCoverage } from './add-coverage.command';

const context = schedulingContext();
const terms = (overrides: Partial<CoverageTerms> = {}) => ({ ...(coverageAdded().data as CoverageTerms), ...overrides });
const outcome: EligibilityOutcome = { active: true, copayCents: 2_500, coinsuranceBasisPoints: null, deductibleRemainingCents: 0, visitLimit: null, visitsUsed: null };

describe('Coverage', () => {
  it('adds a coverage whose subscriber is the patient', () => {
    expect(decideAddCoverage({ context, terms: terms() }, givenCoverage([]))).toEqual([coverageAdded()]);
  });

  it('requires the subscriber exactly when the patient is not the subscriber', () => {
    expect(() => decideAddCoverage({ context, terms: terms({ relationship: 'child' }) }, givenCoverage([]))).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.INVALID_SUBSCRIBER' }),
    );
    const subscriber = { firstName: 'Synthetic', lastName: 'Parent', birthDate: '1970-01-01' };
    expect(decideAddCoverage({ context, terms: terms({ relationship: 'child', phi: { memberId: 'M-1', subscriber } }) }, givenCoverage([]))).toHaveLength(1);
  });

  it('refuses dates that end before they start, and a second add', () => {
    expect(() => decideAddCoverage({ context, terms: terms({ effectiveTo: '2024-12-31' }) }, givenCoverage([]))).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.INVALID_COVERAGE_DATES' }),
    );
    expect(() => decideAddCoverage({ context, terms: terms() }, givenCoverage([coverageAdded()]))).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.COVERAGE_ALREADY_ADDED' }),
    );
  });

  it('ends coverage (backdated allowed) once, and is inactive after the end date', () => {
    const end = { context, coverageId: COVERAGE_ID, effectiveTo: '2025-02-15' };
    const ended = decideEndCoverage(end, givenCoverage([coverageAdded()]));
    const state = givenCoverage([coverageAdded(), ...ended]);
    expect(isCoverageActiveOn(state, '2025-02-15')).toBe(true);
    expect(isCoverageActiveOn(state, '2025-02-16')).toBe(false);
    expect(decideEndCoverage(end, state)).toEqual([]);
  });

  it('records eligibility checks, keeps the latest, and ignores a repeated check id', () => {
    const check = { context, coverageId: COVERAGE_ID, checkId: 'check-2', checkedOn: '2025-02-25', outcome };
    const events = decideRecordEligibilityCheck(check, givenCoverage([coverageAdded(), eligibilityChecked('2025-02-20')]));
    const state = givenCoverage([coverageAdded(), eligibilityChecked('2025-02-20'), ...events]);
    expect(state).toMatchObject({ lastCheck: { checkId: 'check-2', checkedOn: '2025-02-25' } });
    expect(decideRecordEligibilityCheck(check, state)).toEqual([]);
  });

  it('refuses a check dated in the future or with coinsurance above 100%', () => {
    const check = { context, coverageId: COVERAGE_ID, checkId: 'c', checkedOn: '2025-03-02', outcome };
    expect(() => decideRecordEligibilityCheck(check, givenCoverage([coverageAdded()]))).toThrow(expect.objectContaining({ code: 'SCHEDULING.INVALID_ELIGIBILITY_CHECK' }));
    const over = { ...check, checkedOn: '2025-03-01', outcome: { ...outcome, coinsuranceBasisPoints: 10_001 } };
    expect(() => decideRecordEligibilityCheck(over, givenCoverage([coverageAdded()]))).toThrow(expect.objectContaining({ code: 'SCHEDULING.INVALID_ELIGIBILITY_CHECK' }));
  });
});
