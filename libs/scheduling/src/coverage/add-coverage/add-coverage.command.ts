import type { CommandContext } from '@revcycle/kernel';

import type { CoverageAdded, CoverageTerms } from '../coverage.events';
import { CoverageAlreadyAdded, InvalidCoverageDates, InvalidSubscriber } from '../coverage.errors';
import type { CoverageState } from '../coverage.state';

export interface AddCoverage {
  context: CommandContext;
  terms: CoverageTerms;
}

/**
 * When the patient is the subscriber the subscriber block is empty (837P loop 2000B SBR02 = 18,
 * no separate patient loop); otherwise the subscriber's identity is required.
 */
export function decideAddCoverage(command: AddCoverage, state: CoverageState): CoverageAdded[] {
  const { terms } = command;
  if (state.status !== 'none') throw new CoverageAlreadyAdded(terms.coverageId);
  if (terms.effectiveTo !== null && terms.effectiveTo < terms.effectiveFrom) {
    throw new InvalidCoverageDates(terms.coverageId);
  }
  if ((terms.relationship === 'self') !== (terms.phi.subscriber === null)) {
    throw new InvalidSubscriber(terms.coverageId);
  }
  return [{ type: 'scheduling.CoverageAdded', data: terms }];
}
