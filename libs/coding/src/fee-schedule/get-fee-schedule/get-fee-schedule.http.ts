import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { EventStore } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';
import { Ctx, Roles } from '@revcycle/platform';

import { foldStream } from '../../adapters/stream-fold.adapter';
import type { FeeScheduleEntry } from '../../rules/fee-schedule';
import { evolveFeeSchedule, feeScheduleStreamId, initialFeeScheduleState } from '../fee-schedule.state';

@ApiTags('coding')
@Controller('v1/coding/fee-schedules')
export class GetFeeScheduleController {
  constructor(private readonly store: EventStore) {}

  @Get(':payerId')
  @Roles('admin', 'biller', 'coder')
  @ApiOperation({ summary: "A payer's fee schedule: charges and contracted amounts by code and effective date" })
  async get(@Ctx() context: CommandContext, @Param('payerId') payerId: string): Promise<{ payerId: string; entries: FeeScheduleEntry[] }> {
    const state = await foldStream(this.store, feeScheduleStreamId(), context.tenantId, initialFeeScheduleState, evolveFeeSchedule);
    const entries = [...(state.byPayer[payerId] ?? [])].sort((a, b) => `${a.code}|${a.effectiveFrom}`.localeCompare(`${b.code}|${b.effectiveFrom}`));
    return { payerId, entries };
  }
}
