import { Controller, Get, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, Roles } from '@revcycle/platform';

import { ListMissedAppointmentRates, type MissedAppointmentRateRow } from './missed-appointment-rates.query';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class MonthRangeQuery {
  @ApiProperty({ example: '2025-01' }) @Matches(MONTH) from: string;
  @ApiProperty({ example: '2025-03' }) @Matches(MONTH) to: string;
}

@ApiTags('reports')
@Controller('v1/reports/missed-appointments')
export class MissedAppointmentRatesHttp {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin', 'analyst', 'front_desk')
  @ApiOperation({ summary: 'No-show and late-cancel rates by provider and month of service' })
  list(@QueryParam() query: MonthRangeQuery, @Ctx() context: CommandContext): Promise<MissedAppointmentRateRow[]> {
    return this.queries.execute(new ListMissedAppointmentRates(context.tenantId, query.from, query.to));
  }
}
