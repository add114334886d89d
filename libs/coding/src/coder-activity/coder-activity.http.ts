import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, Roles } from '@revcycle/platform';

import { ListCoderActivityQuery, type CoderActivitySummary } from './coder-activity.query';

export class CoderActivityParams {
  @ApiProperty({ example: '2026-03-01' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) from: string;
  @ApiProperty({ example: '2026-03-31' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) to: string;
}

@ApiTags('coding')
@Controller('v1/coding/coder-activity')
export class CoderActivityController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('coder', 'biller', 'admin', 'compliance')
  @ApiOperation({ summary: 'Line changes, approvals and overrides per coder between two dates' })
  list(@Ctx() context: CommandContext, @QueryParams() params: CoderActivityParams): Promise<CoderActivitySummary[]> {
    return this.queries.execute(new ListCoderActivityQuery(context.tenantId, params.from, params.to));
  }
}
