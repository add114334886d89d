import type { CommandContext } from '@revcycle/kernel';

import { isValidNpi } from '../npi';
import type { ProviderEnrolled, ProviderEnrollment } from '../provider.events';
import { InvalidActiveDates, InvalidNpi, InvalidSupervision, ProviderAlreadyEnrolled } from '../provider.errors';
import type { ProviderState } from '../provider.state';

export interface EnrollProvider {
  context: CommandContext;
  enrollment: ProviderEnrollment;
}

/**
 * Pre-licensed clinicians render services only under a licensed supervisor, whose NPI goes on
 * the claim as the supervising provider (837P loop 2310D); the supervisor is never the trainee.
 */
export function decideEnrollProvider(command: EnrollProvider, state: ProviderState): ProviderEnrolled[] {
  const { enrollment } = command;
  const { providerId, supervisingProviderId } = enrollment;
  if (state.status !== 'unknown') throw new ProviderAlreadyEnrolled(providerId);
  if (!isValidNpi(enrollment.npi)) throw new InvalidNpi('npi');
  if (enrollment.activeTo !== null && enrollment.activeTo < enrollment.activeFrom) {
    throw new InvalidActiveDates(providerId);
  }
  if (enrollment.credential === 'trainee' && supervisingProviderId === null) {
    throw new InvalidSupervision(providerId, 'A trainee needs a supervising provider');
  }
  if (supervisingProviderId === providerId) {
    throw new InvalidSupervision(providerId, 'A provider cannot supervise themselves');
  }
  return [{ type: 'scheduling.ProviderEnrolled', data: enrollment }];
}
