import { Module } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { FindProviderUser, type ProviderUser } from '@revcycle/scheduling';

import { RENDERING_PROVIDER_ID, SUPERVISOR_ID } from './encounter.builders';

/** The accounts that act as the test providers: the default clinician token (`clinician-1`) renders. */
export const PROVIDER_ACCOUNTS: Record<string, string | null> = {
  [RENDERING_PROVIDER_ID]: 'clinician-1',
  [SUPERVISOR_ID]: 'supervisor-1',
};

/**
 * Stands in for the scheduling context's answer to its public `FindProviderUser` query, so the
 * encounters routes run alone; the e2e journeys run the real one.
 */
@QueryHandler(FindProviderUser)
class FindTestProviderUser implements IQueryHandler<FindProviderUser> {
  async execute({ providerId }: FindProviderUser): Promise<ProviderUser | undefined> {
    return providerId in PROVIDER_ACCOUNTS ? { providerId, userId: PROVIDER_ACCOUNTS[providerId] } : undefined;
  }
}

@Module({ providers: [FindTestProviderUser] })
export class ProviderRegistryStubModule {}
