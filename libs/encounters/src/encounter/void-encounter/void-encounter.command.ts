import type { CommandContext } from '@revcycle/kernel';

import type { EncounterVoided, VoidReason } from '../../contracts/encounters.public-events';
import { EncounterAlreadyVoided, EncounterNotFound } from '../encounter.errors';
import type { EncounterState } from '../encounter.state';

export interface VoidEncounter {
  context: CommandContext;
  encounterId: string;
  reason: VoidReason;
}

/**
 * Entered in error: the stream keeps everything (nothing is deleted), and `wasSigned` tells coding
 * and the authorization policy whether a charge or a counted unit must be withdrawn.
 */
export function decideVoidEncounter(command: VoidEncounter, state: EncounterState): EncounterVoided[] {
  const { encounterId, reason, context } = command;
  if (state.status === 'none') throw new EncounterNotFound(encounterId);
  if (state.status === 'voided') throw new EncounterAlreadyVoided(encounterId);
  return [
    {
      type: 'encounters.EncounterVoided',
      data: { encounterId, reason, wasSigned: state.status === 'signed', voidedAt: context.now.toISOString() },
    },
  ];
}
