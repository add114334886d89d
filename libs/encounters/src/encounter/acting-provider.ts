import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { CommandContext } from '@revcycle/kernel';
import { FindProviderUser } from '@revcycle/scheduling';

import { InvalidSigner } from './encounter.errors';

/**
 * What the practice's provider registry says about the provider a clinician acts as: undefined when
 * no such provider is enrolled, otherwise the user account linked to it (null when none is).
 */
export type ProviderAccount = { userId: string | null } | undefined;

/** Asks the scheduling context (its public query) which account acts as a provider. */
@Injectable()
export class ProviderAccounts {
  constructor(private readonly queries: QueryBus) {}

  async of(context: CommandContext, providerId: string): Promise<ProviderAccount> {
    const found = await this.queries.execute(new FindProviderUser(context.tenantId, providerId));
    return found && { userId: found.userId };
  }
}

/**
 * A signature or addendum attests as a provider, so the signed-in user must be that provider's own
 * account (45 CFR 164.312(d), person authentication; Medicare Program Integrity Manual ch. 3
 * §3.3.2.4: records are authenticated by the practitioner who provided the service). Naming another provider's
 * record is refused, whatever the role.
 */
export function assertActsAsProvider(encounterId: string, context: CommandContext, providerId: string, account: ProviderAccount): void {
  if (account === undefined) throw new InvalidSigner(encounterId, `No enrolled provider ${providerId}`);
  if (account.userId === null) {
    throw new InvalidSigner(encounterId, `Provider ${providerId} has no linked user account; an admin links one (POST /v1/providers/{id}/user)`);
  }
  if (account.userId !== context.actor.id) throw new InvalidSigner(encounterId, `The signed-in user does not act as provider ${providerId}`);
}
