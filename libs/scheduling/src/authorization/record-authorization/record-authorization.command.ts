import type { CommandContext } from '@revcycle/kernel';

import type { AuthorizationRecorded, AuthorizationTerms } from '../authorization.events';
import { AuthorizationAlreadyRecorded, InvalidAuthorization, InvalidAuthorizationUnits } from '../authorization.errors';
import type { AuthorizationState } from '../authorization.state';

export interface RecordAuthorization {
  context: CommandContext;
  terms: AuthorizationTerms;
}

/** Several authorizations may be active at once; each is its own stream and its own count. */
export function decideRecordAuthorization(
  command: RecordAuthorization,
  state: AuthorizationState,
): AuthorizationRecorded[] {
  const { terms } = command;
  if (state.status !== 'none') throw new AuthorizationAlreadyRecorded(terms.authorizationId);
  if (!Number.isSafeInteger(terms.unitsAuthorized) || terms.unitsAuthorized <= 0) {
    throw new InvalidAuthorizationUnits(terms.authorizationId);
  }
  if (terms.endDate < terms.startDate) {
    throw new InvalidAuthorization(terms.authorizationId, 'The authorization must not end before it starts');
  }
  if (terms.coveredServiceCodes.length === 0) {
    throw new InvalidAuthorization(terms.authorizationId, 'An authorization covers at least one service code');
  }
  return [{ type: 'scheduling.AuthorizationRecorded', data: terms }];
}
