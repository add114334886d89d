import type { CommandContext } from '@revcycle/kernel';

import type { EncounterSigned } from '../../contracts/encounters.public-events';
import { assertAttestsAsProvider, type ProviderAccount } from '../acting-provider';
import { EncounterAlreadySigned, EncounterAlreadyVoided, EncounterNotFound, InvalidSigner } from '../encounter.errors';
import type { EncounterState } from '../encounter.state';
import { assertSignable } from '../sign-readiness';

export interface SignEncounter {
  context: CommandContext;
  encounterId: string;
  /** The provider record the clinician signs as. */
  signingProviderId: string;
  /** The account the provider registry links to that provider. */
  signingAccount: ProviderAccount;
}

/**
 * Signing attests that the service was rendered as recorded, so only a clinician who rendered or
 * supervised it may sign, signed in as that provider's own account. The signed event is the coding
 * context's input; signing locks the facts.
 */
export function decideSignEncounter(command: SignEncounter, state: EncounterState): EncounterSigned[] {
  const { encounterId, signingProviderId, signingAccount, context } = command;
  if (state.status === 'none') throw new EncounterNotFound(encounterId);
  if (state.status === 'signed') throw new EncounterAlreadySigned(encounterId);
  if (state.status === 'voided') throw new EncounterAlreadyVoided(encounterId);
  if (context.actor.role !== 'clinician') throw new InvalidSigner(encounterId, 'Only a clinician signs encounters');
  assertAttestsAsProvider(
    encounterId,
    context,
    state.facts,
    signingProviderId,
    signingAccount,
    'The signer must be the rendering or supervising provider',
  );
  const facts = assertSignable(encounterId, state.facts);
  const { patientId, appointmentId, part2 } = state;
  return [
    {
      type: 'encounters.EncounterSigned',
      data: { encounterId, patientId, appointmentId, part2, facts, signedByProviderId: signingProviderId, signedAt: context.now.toISOString() },
    },
  ];
}
