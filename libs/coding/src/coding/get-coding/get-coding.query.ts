import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

import { EventStore } from '@revcycle/event-store';

import { CodingNotFound } from '../coding.errors';
import { codingStreamId, evolveCoding, initialCodingState } from '../coding.state';
import { codingViewOf, type CodingView } from '../coding.view';

export class GetCodingQuery extends Query<{ view: CodingView; version: bigint }> {
  constructor(
    readonly tenantId: string,
    readonly encounterId: string,
  ) {
    super();
  }
}

/** Folds the coding stream, so a coder sees their own change at once, and the version for If-Match. */
@QueryHandler(GetCodingQuery)
export class GetCodingHandler implements IQueryHandler<GetCodingQuery> {
  constructor(private readonly store: EventStore) {}

  async execute({ tenantId, encounterId }: GetCodingQuery): Promise<{ view: CodingView; version: bigint }> {
    const events = await this.store.readStream(codingStreamId(encounterId), { tenantId });
    const state = events.reduce(evolveCoding, initialCodingState);
    if (state.status === 'none') throw new CodingNotFound(encounterId);
    return { view: codingViewOf(state), version: events[events.length - 1].streamPosition };
  }
}
