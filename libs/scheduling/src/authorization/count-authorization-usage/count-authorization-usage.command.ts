import { isWithin, type CommandContext } from '@revcycle/kernel';

import type {
  AuthorizationRefusalReason,
  AuthorizationUsage,
  AuthorizationUsageCounted,
  AuthorizationUsageRefused,
} from '../authorization.events';
import { AuthorizationNotFound, InvalidAuthorizationUnits } from '../authorization.errors';
import type { AuthorizationState } from '../authorization.state';

export interface CountAuthorizationUsage extends AuthorizationUsage {
  context: CommandContext;
}

/**
 * Issued by a policy when an encounter is signed. An encounter already counted writes nothing
 * (redelivery). A service outside the terms is recorded as refused (a world outcome the claims
 * context turns into a CO-197 risk), never counted: the sum counted stays within the units.
 */
export function decideCountAuthorizationUsage(
  command: CountAuthorizationUsage,
  state: AuthorizationState,
): Array<AuthorizationUsageCounted | AuthorizationUsageRefused> {
  const { context: _context, ...usage } = command;
  if (state.status !== 'open') throw new AuthorizationNotFound(usage.authorizationId);
  if (!Number.isSafeInteger(usage.units) || usage.units <= 0) {
    throw new InvalidAuthorizationUnits(usage.authorizationId);
  }
  if (usage.encounterId in state.countedByEncounter) return [];
  const { terms } = state;
  const unitsRemaining = terms.unitsAuthorized - state.unitsUsed;
  const reason: AuthorizationRefusalReason | null = !terms.coveredServiceCodes.includes(usage.serviceCode)
    ? 'code_not_covered'
    : !isWithin(usage.dateOfService, terms.startDate, terms.endDate)
      ? 'outside_dates'
      : usage.units > unitsRemaining
        ? 'exhausted'
        : null;
  if (reason !== null) {
    return [{ type: 'scheduling.AuthorizationUsageRefused', data: { ...usage, reason, unitsRemaining } }];
  }
  return [{ type: 'scheduling.AuthorizationUsageCounted', data: usage }];
}
