import { Query } from '@nestjs/cqrs';

/** An enrolled provider and the user account that acts as it, if one is linked. */
export interface ProviderUser {
  providerId: string;
  userId: string | null;
}

/**
 * Public query (house style P8): contexts that let a user act as a provider (encounters: signing and
 * amending) ask which account that is. Answers undefined for a provider the practice never enrolled.
 */
export class FindProviderUser extends Query<ProviderUser | undefined> {
  constructor(readonly tenantId: string, readonly providerId: string) {
    super();
  }
}
