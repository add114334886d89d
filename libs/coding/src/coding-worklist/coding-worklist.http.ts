import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

import { localDateOf, type CommandContext } from '@revcycle/kernel';
import { Ctx, MAX_PAGE_SIZE, Roles } from '@revcycle/platform';

import type { CodingWorklistRow } from './coding-worklist.projection';
import { ListCodingWorklistQuery, SummarizeCodingWorklistQuery, type CodingWorklistSummary } from './coding-worklist.query';

export class CodingWorklistParams {
  @ApiPropertyOptional({ enum: ['draft', 'approved', 'withdrawn'], default: 'draft' }) @IsOptional() @IsIn(['draft', 'approved', 'withdrawn']) status?: 'draft' | 'approved' | 'withdrawn';
  @ApiPropertyOptional({ example: 'CODING.NCCI.PAIR_NOT_ALLOWED' }) @IsOptional() @Matches(/^CODING\.[A-Z0-9_.]+$/) ruleId?: string;
  @ApiPropertyOptional({ default: 100, maximum: MAX_PAGE_SIZE }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) limit?: number;
}

@ApiTags('coding')
@Controller('v1/coding/worklist')
export class CodingWorklistController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('coder', 'biller', 'admin')
  @ApiOperation({ summary: 'Codings waiting for review, oldest first, optionally only those with one finding' })
  list(@Ctx() context: CommandContext, @QueryParams() params: CodingWorklistParams): Promise<CodingWorklistRow[]> {
    const filter = { status: params.status ?? 'draft', limit: params.limit ?? 100, ...(params.ruleId ? { ruleId: params.ruleId } : {}) } as const;
    return this.queries.execute(new ListCodingWorklistQuery(context.tenantId, filter));
  }

  @Get('summary')
  @Roles('coder', 'biller', 'admin')
  @ApiOperation({ summary: 'Open drafts by age and by finding' })
  summary(@Ctx() context: CommandContext): Promise<CodingWorklistSummary> {
    return this.queries.execute(new SummarizeCodingWorklistQuery(context.tenantId, localDateOf(context.now)));
  }
}
