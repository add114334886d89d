import { Body, Controller, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch } from '@revcycle/platform';
import type { FastifyReply } from 'fastify';

import { EncounterCommandRoute, withETag } from '../encounter-command.http';
import { EncounterFactsDto, toFactsInput } from '../encounter-facts.http';
import { ReviseEncounterCommand } from './revise-encounter.handler';

class ReviseEncounterRequest {
  @ApiProperty({ type: EncounterFactsDto, description: 'The whole set of facts; replaces the draft' })
  @ValidateNested()
  @Type(() => EncounterFactsDto)
  facts: EncounterFactsDto;
}

@ApiTags('encounters')
@Controller('v1/encounters')
export class ReviseEncounterController {
  constructor(private readonly commands: CommandBus) {}

  @EncounterCommandRoute(':id/revise', 'clinician', 'front_desk')
  async revise(
    @Ctx() context: CommandContext,
    @Param('id', ParseUUIDPipe) encounterId: string,
    @IfMatch() expectedVersion: bigint | undefined,
    @Body() body: ReviseEncounterRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = new ReviseEncounterCommand(context, encounterId, toFactsInput(body.facts), expectedVersion);
    return withETag(reply, await this.commands.execute(command));
  }
}
