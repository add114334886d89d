import type { CommandContext, LocalDate } from '@revcycle/kernel';

import type { CoverageEnded } from '../coverage.events';
import { CoverageNotFound, InvalidCoverageDates } from '../coverage.errors';
import type { CoverageState } from '../coverage.state';

export interface EndCoverage {
  context: CommandContext;
  coverageId: string;
  effectiveTo: LocalDate;
}

/** Terminations are often learned late and backdated; the same end date twice writes nothing. */
export function decideEndCoverage(command: EndCoverage, state: CoverageState): CoverageEnded[] {
  const { coverageId, effectiveTo } = command;
  if (state.status !== 'on_file') throw new CoverageNotFound(coverageId);
  if (effectiveTo < state.terms.effectiveFrom) throw new InvalidCoverageDates(coverageId);
  if (state.terms.effectiveTo === effectiveTo) return [];
  return [{ type: 'scheduling.CoverageEnded', data: { coverageId, effectiveTo } }];
}
