import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@revcycle/kernel';
import { Ctx, Roles, setETag } from '@revcycle/platform';
import type { FastifyReply } from 'fastify';

import { GetEncounter } from './get-encounter.query';

@ApiTags('encounters')
@Controller('v1/encounters')
export class GetEncounterController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('clinician', 'front_desk', 'coder', 'biller', 'admin')
  @ApiOkResponse({ description: 'The encounter (billable facts, status, addenda); the ETag is its version' })
  async get(@Ctx() context: CommandContext, @Param('id', ParseUUIDPipe) encounterId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { encounter, version } = await this.queries.execute(new GetEncounter(context.tenantId, encounterId));
    setETag(reply, version);
    reply.header('cache-control', 'no-store');
    return { ...encounter, version: version.toString() };
  }
}
