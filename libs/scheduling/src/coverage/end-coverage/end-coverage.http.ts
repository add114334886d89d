import { Body, Controller, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch, IsLocalDateString, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { EndCoverageMessage } from './end-coverage.handler';

export class EndCoverageRequest {
  @ApiProperty({ example: '2025-06-30' }) @IsLocalDateString() effectiveTo: string;
}

@ApiTags('coverage')
@Controller('v1/coverages')
export class EndCoverageHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post(':coverageId/end')
  @Roles('front_desk')
  @CommandDocs('End a coverage on a date (terminations are often backdated)', { ifMatch: true })
  async end(
    @Param('coverageId', ParseUUIDPipe) coverageId: string,
    @Body() body: EndCoverageRequest,
    @Ctx() context: CommandContext,
    @IfMatch() expectedVersion: bigint | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.commands.execute(new EndCoverageMessage(context, coverageId, body.effectiveTo, expectedVersion));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
