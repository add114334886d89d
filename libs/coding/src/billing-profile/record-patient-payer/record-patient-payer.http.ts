import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, Roles, setETag } from '@revcycle/platform';

import { PAYER_KINDS, type PayerKind } from '../../rules/payer-rules';
import type { PatientPayerState } from '../billing-profile.state';
import { RecordPatientPayerCommand } from './record-patient-payer.handler';

export class RecordPatientPayerDto {
  @ApiPropertyOptional({ description: 'A payer with its own rules and fee schedule; leave out for the defaults of the kind' })
  @IsOptional() @IsString() @Length(1, 64) payerId?: string;
  @ApiProperty({ enum: PAYER_KINDS }) @IsIn(PAYER_KINDS) payerKind: PayerKind;
  @ApiProperty({ example: '2026-01-01' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) effectiveFrom: string;
}

@ApiTags('coding')
@Controller('v1/coding/patients')
export class RecordPatientPayerController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':patientId/payer')
  @HttpCode(200)
  @Roles('front_desk', 'biller', 'admin')
  @ApiOperation({ summary: "Record the payer coding uses for a patient's services from a date on" })
  async record(
    @Ctx() context: CommandContext,
    @Param('patientId', new ParseUUIDPipe()) patientId: string,
    @Body() body: RecordPatientPayerDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PatientPayerState> {
    const input = { patientId, payerKind: body.payerKind, effectiveFrom: body.effectiveFrom, ...(body.payerId === undefined ? {} : { payerId: body.payerId }) };
    const outcome = await this.commands.execute(new RecordPatientPayerCommand(context, input));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
