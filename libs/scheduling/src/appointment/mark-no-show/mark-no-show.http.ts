import { Controller, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { MarkNoShowMessage } from './mark-no-show.handler';

@ApiTags('appointments')
@Controller('v1/appointments')
export class MarkNoShowHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post(':appointmentId/no-show')
  @Roles('front_desk')
  @CommandDocs('Record a no-show after the start time; the fee is charged unless the primary payer forbids it', { ifMatch: true })
  async markNoShow(
    @Param('appointmentId', ParseUUIDPipe) appointmentId: string,
    @Ctx() context: CommandContext,
    @IfMatch() expectedVersion: bigint | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.commands.execute(new MarkNoShowMessage(context, appointmentId, expectedVersion));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
