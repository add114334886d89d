import type { CommandContext, LocalDate } from '@revcycle/kernel';

import type { ProviderEnrollmentEnded } from '../provider.events';
import { InvalidActiveDates, ProviderNotFound } from '../provider.errors';
import type { ProviderState } from '../provider.state';

export interface EndProviderEnrollment {
  context: CommandContext;
  providerId: string;
  activeTo: LocalDate;
}

/** Ending is idempotent for the same date, so a retried request writes nothing new. */
export function decideEndProviderEnrollment(
  command: EndProviderEnrollment,
  state: ProviderState,
): ProviderEnrollmentEnded[] {
  const { providerId, activeTo } = command;
  if (state.status !== 'enrolled') throw new ProviderNotFound(providerId);
  if (activeTo < state.enrollment.activeFrom) throw new InvalidActiveDates(providerId);
  if (state.enrollment.activeTo === activeTo) return [];
  return [{ type: 'scheduling.ProviderEnrollmentEnded', data: { providerId, activeTo } }];
}
