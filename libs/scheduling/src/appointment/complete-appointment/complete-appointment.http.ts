import { Controller, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { CompleteAppointmentMessage } from './complete-appointment.handler';

@ApiTags('appointments')
@Controller('v1/appointments')
export class CompleteAppointmentHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post(':appointmentId/completion')
  @Roles('front_desk', 'clinician')
  @CommandDocs('Complete a checked-in session; the encounters context opens its encounter', { ifMatch: true })
  async complete(
    @Param('appointmentId', ParseUUIDPipe) appointmentId: string,
    @Ctx() context: CommandContext,
    @IfMatch() expectedVersion: bigint | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.commands.execute(new CompleteAppointmentMessage(context, appointmentId, expectedVersion));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
