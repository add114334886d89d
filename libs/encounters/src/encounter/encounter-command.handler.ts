import type { CommandRequest } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import type { EncounterEvent } from './encounter.events';
import { encounterDecider, encounterStreamId, type EncounterState } from './encounter.state';

/** What every encounter command answers; stored in the idempotency ledger, so ids only, never PHI. */
export interface EncounterCommandResult {
  encounterId: string;
  status: EncounterState['status'];
  version: string;
}

type EncounterRequest = CommandRequest<EncounterState, EncounterEvent, EncounterCommandResult>;

/** The parts of a pipeline request shared by every encounter use case: stream, fold and answer. */
export function encounterCommand(
  encounterId: string,
  context: CommandContext,
  expectedVersion: bigint | undefined,
): Pick<EncounterRequest, 'streamId' | 'decider' | 'context' | 'expectedVersion' | 'respond'> {
  return {
    streamId: encounterStreamId(encounterId),
    decider: encounterDecider,
    context,
    expectedVersion,
    respond: ({ state, version }) => ({ encounterId, status: state.status, version: version.toString() }),
  };
}
