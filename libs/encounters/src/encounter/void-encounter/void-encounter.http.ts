import { Body, Controller, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch } from '@revcycle/platform';
import type { FastifyReply } from 'fastify';

import type { VoidReason } from '../../contracts/encounters.public-events';
import { EncounterCommandRoute, withETag } from '../encounter-command.http';
import { VoidEncounterCommand } from './void-encounter.handler';

const REASONS: VoidReason[] = ['wrong_patient', 'duplicate', 'service_not_rendered', 'other_error'];

class VoidEncounterRequest {
  @ApiProperty({ enum: REASONS })
  @IsIn(REASONS)
  reason: VoidReason;
}

/** Entered in error: the stream keeps everything; coding withdraws any charge built from it. */
@ApiTags('encounters')
@Controller('v1/encounters')
export class VoidEncounterController {
  constructor(private readonly commands: CommandBus) {}

  @EncounterCommandRoute(':id/void', 'clinician', 'admin')
  async voidEncounter(
    @Ctx() context: CommandContext,
    @Param('id', ParseUUIDPipe) encounterId: string,
    @IfMatch() expectedVersion: bigint | undefined,
    @Body() body: VoidEncounterRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withETag(reply, await this.commands.execute(new VoidEncounterCommand(context, encounterId, body.reason, expectedVersion)));
  }
}
