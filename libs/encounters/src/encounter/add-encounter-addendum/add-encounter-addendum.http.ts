import { Body, Controller, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsUUID, ValidateNested } from 'class-validator';
import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch } from '@revcycle/platform';
import type { FastifyReply } from 'fastify';

import type { AddendumReason } from '../../contracts/encounters.public-events';
import { EncounterCommandRoute, withETag } from '../encounter-command.http';
import { EncounterFactsChangesDto, toFactChanges } from '../encounter-facts.http';
import { AddEncounterAddendumCommand } from './add-encounter-addendum.handler';

const REASONS: AddendumReason[] = ['correction', 'late_entry', 'clarification'];

class AddEncounterAddendumRequest {
  @ApiProperty({ enum: REASONS })
  @IsIn(REASONS)
  reason: AddendumReason;

  @ApiProperty({ type: EncounterFactsChangesDto, description: 'Only the facts that change' })
  @ValidateNested()
  @Type(() => EncounterFactsChangesDto)
  changes: EncounterFactsChangesDto;

  @ApiProperty({ format: 'uuid', description: "The recording clinician's provider id" })
  @IsUUID()
  recordingProviderId: string;
}

/** After signing, facts change only by addendum: each is its own event with a reason (45 CFR 164.526). */
@ApiTags('encounters')
@Controller('v1/encounters')
export class AddEncounterAddendumController {
  constructor(private readonly commands: CommandBus) {}

  @EncounterCommandRoute(':id/addenda', 'clinician')
  async addAddendum(
    @Ctx() context: CommandContext,
    @Param('id', ParseUUIDPipe) encounterId: string,
    @IfMatch() expectedVersion: bigint | undefined,
    @Body() body: AddEncounterAddendumRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const changes = toFactChanges(body.changes);
    const command = new AddEncounterAddendumCommand(context, encounterId, body.reason, changes, body.recordingProviderId, expectedVersion);
    return withETag(reply, await this.commands.execute(command));
  }
}
