import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import { FindProviderUser, type ProviderUser } from '../../contracts/provider-user.query';
import { deciders, SchedulingStreams } from '../../scheduling-streams';
import { providerStreamId } from '../provider.state';

/** Read from the provider's stream, not a projection: a link or unlink counts from the next request. */
@QueryHandler(FindProviderUser)
export class FindProviderUserHandler implements IQueryHandler<FindProviderUser> {
  constructor(private readonly streams: SchedulingStreams) {}

  async execute({ tenantId, providerId }: FindProviderUser): Promise<ProviderUser | undefined> {
    const provider = await this.streams.state(tenantId, providerStreamId(providerId), deciders.provider);
    return provider.status === 'enrolled' ? { providerId, userId: provider.userId ?? null } : undefined;
  }
}
