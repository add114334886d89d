import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Length, Matches, Min, ValidateIf, ValidateNested } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { PAYER_KINDS, type PayerKind, type PayerPolicy } from '../payer.events';
import { RegisterPayerMessage } from './register-payer.handler';

const ROUNDING = ['cms_eight_minute', 'fifty_one_percent', 'cpt_midpoint'] as const;

export class PayerPolicyDto {
  @ApiProperty({ enum: ['95', 'GT'], nullable: true }) @ValidateIf((_, v) => v !== null) @IsIn(['95', 'GT']) telehealthModifier: '95' | 'GT' | null;
  @ApiProperty() @IsBoolean() credentialModifiersRequired: boolean;
  @ApiProperty({ enum: ROUNDING }) @IsIn(ROUNDING) unitRounding: PayerPolicy['unitRounding'];
  @ApiProperty({ description: 'Never true for Medicaid (42 CFR 447.15)' }) @IsBoolean() missedAppointmentFeesAllowed: boolean;
  @ApiProperty() @IsBoolean() priorAuthorizationRequired: boolean;
}

export class RegisterPayerRequest {
  @ApiProperty({ example: 'SKCO0', description: 'Payer id printed on claims (837P 2010BB NM109)' }) @Matches(/^[A-Z0-9]{2,10}$/) claimPayerId: string;
  @ApiProperty() @IsString() @Length(1, 60) name: string;
  @ApiProperty({ enum: PAYER_KINDS }) @IsIn(PAYER_KINDS) kind: PayerKind;
  @ApiProperty({ example: 365 }) @IsInt() @Min(1) timelyFilingDays: number;
  @ApiProperty({ type: PayerPolicyDto }) @ValidateNested() @Type(() => PayerPolicyDto) policy: PayerPolicyDto;
}

@ApiTags('payers')
@Controller('v1/payers')
export class RegisterPayerHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @CommandDocs('Register a payer with its claim id, kind, timely filing and policy switches')
  async register(@Body() body: RegisterPayerRequest, @Ctx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const outcome = await this.commands.execute(new RegisterPayerMessage(context, { ...body, policy: { ...body.policy } }));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
