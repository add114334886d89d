import type { CommandContext } from '@revcycle/kernel';

import type { AuthorizationUsageReversed } from '../authorization.events';
import { AuthorizationNotFound } from '../authorization.errors';
import type { AuthorizationState } from '../authorization.state';

export interface ReverseAuthorizationUsage {
  context: CommandContext;
  authorizationId: string;
  encounterId: string;
}

/**
 * Issued when a signed encounter is voided as entered in error: its units return to the pool.
 * An encounter that was never counted (or already reversed) writes nothing, so redelivery is safe.
 */
export function decideReverseAuthorizationUsage(
  command: ReverseAuthorizationUsage,
  state: AuthorizationState,
): AuthorizationUsageReversed[] {
  const { authorizationId, encounterId } = command;
  if (state.status !== 'open') throw new AuthorizationNotFound(authorizationId);
  const units = state.countedByEncounter[encounterId];
  if (units === undefined) return [];
  return [{ type: 'scheduling.AuthorizationUsageReversed', data: { authorizationId, encounterId, units } }];
}
