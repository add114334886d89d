import { Body, Controller, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch, IsLocalDateString, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { EndProviderEnrollmentMessage } from './end-provider-enrollment.handler';

export class EndProviderEnrollmentRequest {
  @ApiProperty({ example: '2025-12-31' }) @IsLocalDateString() activeTo: string;
}

@ApiTags('providers')
@Controller('v1/providers')
export class EndProviderEnrollmentHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post(':providerId/end-enrollment')
  @Roles('admin')
  @CommandDocs('End a provider’s enrollment on a date', { ifMatch: true })
  async end(
    @Param('providerId', ParseUUIDPipe) providerId: string,
    @Body() body: EndProviderEnrollmentRequest,
    @Ctx() context: CommandContext,
    @IfMatch() expectedVersion: bigint | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.commands.execute(new EndProviderEnrollmentMessage(context, providerId, body.activeTo, expectedVersion));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
