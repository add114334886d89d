import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, Roles } from '@revcycle/platform';

import type { FeeScheduleEntry } from '../../rules/fee-schedule';
import { GetFeeScheduleQuery } from './get-fee-schedule.query';

@ApiTags('coding')
@Controller('v1/coding/fee-schedules')
export class GetFeeScheduleController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':payerId')
  @Roles('admin', 'biller', 'coder')
  @ApiOperation({ summary: "A payer's fee schedule: charges and contracted amounts by code and effective date" })
  get(@Ctx() context: CommandContext, @Param('payerId') payerId: string): Promise<{ payerId: string; entries: FeeScheduleEntry[] }> {
    return this.queries.execute(new GetFeeScheduleQuery(context.tenantId, payerId));
  }
}
