import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

import { EventStore } from '@revcycle/event-store';

import { foldStream } from '../../adapters/stream-fold.adapter';
import type { FeeScheduleEntry } from '../../rules/fee-schedule';
import { evolveFeeSchedule, feeScheduleStreamId, initialFeeScheduleState } from '../fee-schedule.state';

export class GetFeeScheduleQuery extends Query<{ payerId: string; entries: FeeScheduleEntry[] }> {
  constructor(
    readonly tenantId: string,
    readonly payerId: string,
  ) {
    super();
  }
}

/** One payer's rows by code and start date, folded from the tenant's fee-schedule stream. */
@QueryHandler(GetFeeScheduleQuery)
export class GetFeeScheduleHandler implements IQueryHandler<GetFeeScheduleQuery> {
  constructor(private readonly store: EventStore) {}

  async execute({ tenantId, payerId }: GetFeeScheduleQuery): Promise<{ payerId: string; entries: FeeScheduleEntry[] }> {
    const state = await foldStream(this.store, feeScheduleStreamId(), tenantId, initialFeeScheduleState, evolveFeeSchedule);
    const entries = [...(state.byPayer[payerId] ?? [])].sort((a, b) => `${a.code}|${a.effectiveFrom}`.localeCompare(`${b.code}|${b.effectiveFrom}`));
    return { payerId, entries };
  }
}
