import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EventStore } from '@revcycle/event-store';

import { EncounterNotFound } from '../encounter.errors';
import { encounterStreamId, evolveEncounter, initialEncounterState, type EncounterState } from '../encounter.state';

export interface EncounterView {
  encounter: Exclude<EncounterState, { status: 'none' }>;
  version: bigint;
}

export class GetEncounter extends Query<EncounterView> {
  constructor(
    readonly tenantId: string,
    readonly encounterId: string,
  ) {
    super();
  }
}

/**
 * One encounter folded from its own stream, so the answer and its version (the ETag a later
 * If-Match sends) are exactly what the next command will decide on; no read model can lag here.
 */
@QueryHandler(GetEncounter)
export class GetEncounterHandler implements IQueryHandler<GetEncounter> {
  constructor(private readonly store: EventStore) {}

  async execute({ tenantId, encounterId }: GetEncounter): Promise<EncounterView> {
    const history = await this.store.readStream(encounterStreamId(encounterId), { tenantId });
    const encounter = history.reduce(evolveEncounter, initialEncounterState);
    if (encounter.status === 'none') throw new EncounterNotFound(encounterId);
    return { encounter, version: history[history.length - 1].streamPosition };
  }
}
