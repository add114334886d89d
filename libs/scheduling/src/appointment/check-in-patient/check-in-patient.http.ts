import { Controller, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { CheckInPatientMessage } from './check-in-patient.handler';

@ApiTags('appointments')
@Controller('v1/appointments')
export class CheckInPatientHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post(':appointmentId/check-in')
  @Roles('front_desk')
  @CommandDocs('Check the patient in on the day of the session', { ifMatch: true })
  async checkIn(
    @Param('appointmentId', ParseUUIDPipe) appointmentId: string,
    @Ctx() context: CommandContext,
    @IfMatch() expectedVersion: bigint | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.commands.execute(new CheckInPatientMessage(context, appointmentId, expectedVersion));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
