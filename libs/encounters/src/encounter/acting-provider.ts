import type { CommandContext } from '@revcycle/kernel';
import type { ProviderUser } from '@revcycle/scheduling';

import type { EncounterFacts } from '../contracts/encounters.public-events';
import { InvalidSigner } from './encounter.errors';

/**
 * What the practice's provider registry (scheduling's public `FindProviderUser` query) says about the
 * provider a clinician acts as: undefined when no such provider is enrolled, otherwise the user
 * account linked to it (null when none is).
 */
export type ProviderAccount = Pick<ProviderUser, 'userId'> | undefined;

/**
 * A signature or addendum attests as a provider: it must be the rendering or supervising provider,
 * and the signed-in user must be that provider's own account (45 CFR 164.312(d), person
 * authentication; Medicare Program Integrity Manual ch. 3 §3.3.2.4: records are authenticated by the
 * practitioner who provided the service). Naming another provider's record is refused, whatever the role.
 */
export function assertAttestsAsProvider(
  encounterId: string,
  context: CommandContext,
  facts: Pick<EncounterFacts, 'renderingProviderId' | 'supervisingProviderId'>,
  providerId: string,
  account: ProviderAccount,
  notInvolved: string,
): void {
  if (providerId !== facts.renderingProviderId && providerId !== facts.supervisingProviderId) throw new InvalidSigner(encounterId, notInvolved);
  if (account === undefined) throw new InvalidSigner(encounterId, `No enrolled provider ${providerId}`);
  if (account.userId === null) {
    throw new InvalidSigner(encounterId, `Provider ${providerId} has no linked user account; an admin links one (POST /v1/providers/{id}/user)`);
  }
  if (account.userId !== context.actor.id) throw new InvalidSigner(encounterId, `The signed-in user does not act as provider ${providerId}`);
}
