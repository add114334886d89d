import { Body, Controller, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { CANCELLATION_REASONS, type CancellationReason } from '../appointment.events';
import { CancelAppointmentMessage } from './cancel-appointment.handler';

export class CancelAppointmentRequest {
  @ApiProperty({ enum: ['patient', 'practice'] }) @IsIn(['patient', 'practice']) cancelledBy: 'patient' | 'practice';
  @ApiProperty({ enum: CANCELLATION_REASONS, description: 'A code, never free text' }) @IsIn(CANCELLATION_REASONS) reason: CancellationReason;
}

@ApiTags('appointments')
@Controller('v1/appointments')
export class CancelAppointmentHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post(':appointmentId/cancellation')
  @Roles('front_desk')
  @CommandDocs('Cancel a session; inside the practice window a patient cancel is late and may carry a fee', { ifMatch: true })
  async cancel(
    @Param('appointmentId', ParseUUIDPipe) appointmentId: string,
    @Body() body: CancelAppointmentRequest,
    @Ctx() context: CommandContext,
    @IfMatch() expectedVersion: bigint | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const message = new CancelAppointmentMessage(context, appointmentId, body.cancelledBy, body.reason, expectedVersion);
    const outcome = await this.commands.execute(message);
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
