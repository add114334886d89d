import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, Roles, setETag } from '@revcycle/platform';

import type { CodingView } from '../coding.view';
import { GetCodingQuery } from './get-coding.query';

@ApiTags('coding')
@Controller('v1/coding/drafts')
export class GetCodingController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':encounterId')
  @Roles('coder', 'biller', 'admin')
  @ApiOperation({ summary: "An encounter's coding: lines, charges, findings, rule-set and code-set versions; ETag is the version" })
  async get(
    @Ctx() context: CommandContext,
    @Param('encounterId', new ParseUUIDPipe()) encounterId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CodingView> {
    const { view, version } = await this.queries.execute(new GetCodingQuery(context.tenantId, encounterId));
    setETag(reply, version);
    return view;
  }
}
