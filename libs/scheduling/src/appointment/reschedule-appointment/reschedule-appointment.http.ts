import { Body, Controller, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch, IsInstant, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { RescheduleAppointmentMessage } from './reschedule-appointment.handler';

export class RescheduleAppointmentRequest {
  @ApiProperty({ example: '2025-03-05T15:00:00Z' }) @IsInstant() start: string;
  @ApiProperty({ example: '2025-03-05T15:53:00Z' }) @IsInstant() end: string;
}

@ApiTags('appointments')
@Controller('v1/appointments')
export class RescheduleAppointmentHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post(':appointmentId/reschedule')
  @Roles('front_desk')
  @CommandDocs('Move a booked session to another time with the same provider', { ifMatch: true })
  async reschedule(
    @Param('appointmentId', ParseUUIDPipe) appointmentId: string,
    @Body() body: RescheduleAppointmentRequest,
    @Ctx() context: CommandContext,
    @IfMatch() expectedVersion: bigint | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const slot = { start: new Date(body.start).toISOString(), end: new Date(body.end).toISOString() };
    const outcome = await this.commands.execute(new RescheduleAppointmentMessage(context, appointmentId, slot, expectedVersion));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
