import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, Roles, setETag } from '@revcycle/platform';

import type { FeeScheduleEntry } from '../../rules/fee-schedule';
import { SetFeeScheduleEntryCommand } from './set-fee-schedule-entry.handler';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// A charge above $1,000,000 per unit is a typing mistake, not a fee.
const MAX_CENTS = 100_000_000;

export class SetFeeScheduleEntryDto implements FeeScheduleEntry {
  @ApiProperty({ example: '90837' }) @Matches(/^(\d{4}[0-9A-Z]|[A-Z]\d{4})$/) code: string;
  @ApiPropertyOptional({ example: '95', description: 'A row for this modifier wins over the plain row' }) @IsOptional() @Matches(/^[A-Z0-9]{2}$/) modifier?: string;
  @ApiProperty({ example: '2026-01-01' }) @Matches(DATE) effectiveFrom: string;
  @ApiPropertyOptional() @IsOptional() @Matches(DATE) effectiveTo?: string;
  @ApiProperty({ example: 18000, description: "The practice's charge per unit, in cents" }) @IsInt() @Min(0) @Max(MAX_CENTS) unitChargeCents: number;
  @ApiPropertyOptional({ example: 14250, description: "The payer's contracted amount per unit, in cents" }) @IsOptional() @IsInt() @Min(0) @Max(MAX_CENTS) unitContractedCents?: number;
}

@ApiTags('coding')
@Controller('v1/coding/fee-schedules')
export class SetFeeScheduleEntryController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':payerId/entries')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: "Set a charge and the payer's contracted amount for a code from a date on" })
  async set(
    @Ctx() context: CommandContext,
    @Param('payerId') payerId: string,
    @Body() body: SetFeeScheduleEntryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ payerId: string; entries: FeeScheduleEntry[] }> {
    const { modifier, effectiveTo, unitContractedCents, ...required } = body;
    const entry: FeeScheduleEntry = {
      ...required,
      ...(modifier === undefined ? {} : { modifier }),
      ...(effectiveTo === undefined ? {} : { effectiveTo }),
      ...(unitContractedCents === undefined ? {} : { unitContractedCents }),
    };
    const outcome = await this.commands.execute(new SetFeeScheduleEntryCommand(context, { payerId, entry }));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
