import { Controller, Get, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { CommandContext } from '@revcycle/kernel';
import { Ctx, PageQuery, Roles } from '@revcycle/platform';

import { ListUnsignedEncounters } from './unsigned-encounters.query';

class UnsignedEncountersFilter extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only sessions this provider rendered or supervised' })
  @IsOptional()
  @IsUUID()
  providerId?: string;
}

@ApiTags('encounters')
@Controller('v1/encounters')
export class UnsignedEncountersController {
  constructor(private readonly queries: QueryBus) {}

  @Get('unsigned')
  @Roles('clinician', 'biller', 'admin')
  @ApiOkResponse({ description: 'Sessions unsigned past ENCOUNTERS_UNSIGNED_AFTER_HOURS, oldest first, a page at a time, with the charge lag' })
  list(@Ctx() context: CommandContext, @QueryParam() filter: UnsignedEncountersFilter) {
    return this.queries.execute(new ListUnsignedEncounters(context.tenantId, context.now, filter, filter.providerId));
  }
}
