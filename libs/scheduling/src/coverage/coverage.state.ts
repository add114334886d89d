import type { DomainEvent } from '@revcycle/event-store';
import { isWithin, type LocalDate } from '@revcycle/kernel';

import type { CoverageEvent, CoverageTerms, EligibilityOutcome } from './coverage.events';

/** One insurance policy of one patient; stream per coverage so eligibility checks stay small. */
export type CoverageState =
  | { status: 'none' }
  | {
      status: 'on_file';
      terms: CoverageTerms;
      lastCheck: { checkId: string; checkedOn: LocalDate; outcome: EligibilityOutcome } | null;
    };

export const initialCoverageState: CoverageState = { status: 'none' };

export function coverageStreamId(coverageId: string): string {
  return `coverage-${coverageId}`;
}

export function evolveCoverage(state: CoverageState, event: DomainEvent): CoverageState {
  const e = event as CoverageEvent;
  switch (e.type) {
    case 'scheduling.CoverageAdded':
      return { status: 'on_file', terms: e.data, lastCheck: null };
    case 'scheduling.CoverageEnded':
      if (state.status !== 'on_file') return state;
      return { ...state, terms: { ...state.terms, effectiveTo: e.data.effectiveTo } };
    case 'scheduling.EligibilityChecked': {
      if (state.status !== 'on_file') return state;
      const { checkId, checkedOn, outcome } = e.data;
      if (state.lastCheck !== null && state.lastCheck.checkedOn > checkedOn) return state;
      return { ...state, lastCheck: { checkId, checkedOn, outcome } };
    }
    default:
      return state;
  }
}

/** In force on the date of service by its dates, and not reported inactive by the last check. */
export function isCoverageActiveOn(state: CoverageState, date: LocalDate): boolean {
  if (state.status !== 'on_file') return false;
  if (!isWithin(date, state.terms.effectiveFrom, state.terms.effectiveTo)) return false;
  return state.lastCheck === null || state.lastCheck.outcome.active;
}
