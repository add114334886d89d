import { Body, Controller, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch } from '@revcycle/platform';
import type { FastifyReply } from 'fastify';

import { EncounterCommandRoute, withETag } from '../encounter-command.http';
import { SignEncounterCommand } from './sign-encounter.handler';

class SignEncounterRequest {
  @ApiProperty({ format: 'uuid', description: "The signing clinician's provider id: the rendering or supervising provider" })
  @IsUUID()
  signingProviderId: string;
}

/**
 * Tokens carry no provider claim, so the clinician names the provider record they sign as; the
 * decider admits only the rendering or supervising provider, and the event metadata keeps the
 * token's user id beside it, so who attested as whom stays auditable.
 */
@ApiTags('encounters')
@Controller('v1/encounters')
export class SignEncounterController {
  constructor(private readonly commands: CommandBus) {}

  @EncounterCommandRoute(':id/sign', 'clinician')
  @ApiOperation({ summary: 'Sign: locks the billable facts and publishes encounters.EncounterSigned to coding' })
  async sign(
    @Ctx() context: CommandContext,
    @Param('id', ParseUUIDPipe) encounterId: string,
    @IfMatch() expectedVersion: bigint | undefined,
    @Body() body: SignEncounterRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = new SignEncounterCommand(context, encounterId, body.signingProviderId, expectedVersion);
    return withETag(reply, await this.commands.execute(command));
  }
}
