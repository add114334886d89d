import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, Roles, setETag } from '@revcycle/platform';

import { PAYER_KINDS, type PayerKind, type PayerRule } from '../../rules/payer-rules';
import type { UnitRoundingMethod } from '../../rules/time-bands';
import type { SetPayerRule } from './set-payer-rule.command';
import { SetPayerRuleCommand } from './set-payer-rule.handler';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Fields left out keep the defaults of the payer kind (billing-rules.md: payer policy with a default). */
export class SetPayerRuleDto implements SetPayerRule {
  @ApiPropertyOptional({ description: 'The payer; leave out to set the practice default for the payer kind' })
  @IsOptional() @IsString() @Length(1, 64) payerId?: string;
  @ApiProperty({ enum: PAYER_KINDS }) @IsIn(PAYER_KINDS) payerKind: PayerKind;
  @ApiProperty({ example: '2026-01-01' }) @Matches(DATE) effectiveFrom: string;
  @ApiPropertyOptional() @IsOptional() @Matches(DATE) effectiveTo?: string;
  @ApiPropertyOptional({ enum: ['95', 'GT'], nullable: true }) @IsOptional() @ValidateIf((_o, v) => v !== null) @IsIn(['95', 'GT']) videoModifier?: '95' | 'GT' | null;
  @ApiPropertyOptional({ enum: ['FQ', '93'], nullable: true }) @IsOptional() @ValidateIf((_o, v) => v !== null) @IsIn(['FQ', '93']) audioOnlyModifier?: 'FQ' | '93' | null;
  @ApiPropertyOptional({ enum: ['telehealth', 'location'] }) @IsOptional() @IsIn(['telehealth', 'location']) telehealthPlaceOfService?: 'telehealth' | 'location';
  @ApiPropertyOptional() @IsOptional() @IsBoolean() credentialModifiersRequired?: boolean;
  @ApiPropertyOptional({ example: { LCSW: 'HO', PhD: 'HP' } }) @IsOptional() @IsObject() credentialModifiers?: Record<string, string>;
  @ApiPropertyOptional({ enum: ['cms_8_minute', 'fifty_one_percent'] }) @IsOptional() @IsIn(['cms_8_minute', 'fifty_one_percent']) unitRoundingMethod?: UnitRoundingMethod;
  @ApiPropertyOptional({ example: { H0004: 12 } }) @IsOptional() @IsObject() dailyUnitCaps?: Record<string, number>;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() diagnosticEvaluationRepeatAllowed?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(120) diagnosticEvaluationRepeatAfterMonths?: number;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_o, v) => v !== null) @IsInt() @Min(1) @Max(50) screeningUnitCap?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() emModifier25WithPsychotherapy?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() appliesNcci?: boolean;
  @ApiPropertyOptional({ example: 'H2015' }) @IsOptional() @Matches(/^[A-Z]\d{4}$/) communitySupportCode?: string;
}

@ApiTags('coding')
@Controller('v1/coding/payer-rules')
export class SetPayerRuleController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: "Set a payer's coding rule from a date on (or the practice default for a payer kind)" })
  async set(@Ctx() context: CommandContext, @Body() body: SetPayerRuleDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<{ rule: PayerRule }> {
    const outcome = await this.commands.execute(new SetPayerRuleCommand(context, body));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
