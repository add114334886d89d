import { Body, Controller, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch, IsLocalDateString, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { RecordEligibilityCheckMessage } from './record-eligibility-check.handler';

export class EligibilityOutcomeDto {
  @ApiProperty() @IsBoolean() active: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @IsInt() @Min(0) copayCents: number | null = null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Basis points: 2000 = 20%' })
  @IsOptional() @IsInt() @Min(0) @Max(10_000) coinsuranceBasisPoints: number | null = null;
  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @IsInt() @Min(0) deductibleRemainingCents: number | null = null;
  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @IsInt() @Min(0) visitLimit: number | null = null;
  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @IsInt() @Min(0) visitsUsed: number | null = null;
}

export class RecordEligibilityCheckRequest {
  @ApiProperty({ example: '2025-02-20' }) @IsLocalDateString() checkedOn: string;
  @ApiProperty({ type: EligibilityOutcomeDto }) @ValidateNested() @Type(() => EligibilityOutcomeDto) outcome: EligibilityOutcomeDto;
}

@ApiTags('coverage')
@Controller('v1/coverages')
export class RecordEligibilityCheckHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post(':coverageId/eligibility-checks')
  @Roles('front_desk')
  @CommandDocs('Record the outcome of an eligibility check (270/271 or portal) and its date', { ifMatch: true })
  async record(
    @Param('coverageId', ParseUUIDPipe) coverageId: string,
    @Body() body: RecordEligibilityCheckRequest,
    @Ctx() context: CommandContext,
    @IfMatch() expectedVersion: bigint | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const message = new RecordEligibilityCheckMessage(context, coverageId, body.checkedOn, { ...body.outcome }, expectedVersion);
    const outcome = await this.commands.execute(message);
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
