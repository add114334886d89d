import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch, Roles, setETag } from '@revcycle/platform';

import type { CodingView } from '../coding.view';
import { RefreshCodingDraftCommand } from './refresh-coding-draft.handler';

@ApiTags('coding')
@Controller('v1/coding/drafts')
export class RefreshCodingDraftController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':encounterId/refresh')
  @HttpCode(200)
  @Roles('coder')
  @ApiOperation({ summary: "Suggest the draft's lines again from the signed facts and the current payer, credential, rules and fees" })
  async refresh(
    @Ctx() context: CommandContext,
    @IfMatch() expectedVersion: bigint | undefined,
    @Param('encounterId', new ParseUUIDPipe()) encounterId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CodingView> {
    const outcome = await this.commands.execute(new RefreshCodingDraftCommand(context, encounterId, expectedVersion));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
