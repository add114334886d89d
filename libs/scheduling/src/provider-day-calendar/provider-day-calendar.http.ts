import { Controller, Get, Param, ParseUUIDPipe, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IsLocalDateString, Roles } from '@revcycle/platform';

import { GetProviderDayCalendar, type ProviderDayCalendarRow } from './provider-day-calendar.query';

export class ProviderDayQuery {
  @ApiProperty({ example: '2025-03-04' }) @IsLocalDateString() date: string;
}

@ApiTags('appointments')
@Controller('v1/providers')
export class ProviderDayCalendarHttp {
  constructor(private readonly queries: QueryBus) {}

  @Get(':providerId/calendar')
  @Roles('front_desk', 'clinician', 'admin')
  @ApiOperation({ summary: 'A provider’s appointments on one practice-local day' })
  get(
    @Param('providerId', ParseUUIDPipe) providerId: string,
    @QueryParam() query: ProviderDayQuery,
    @Ctx() context: CommandContext,
  ): Promise<ProviderDayCalendarRow[]> {
    return this.queries.execute(new GetProviderDayCalendar(context.tenantId, providerId, query.date));
  }
}
