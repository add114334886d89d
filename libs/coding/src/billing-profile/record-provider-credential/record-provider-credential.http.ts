import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, Roles, setETag } from '@revcycle/platform';

import type { ProviderCredentialState } from '../billing-profile.state';
import { RecordProviderCredentialCommand } from './record-provider-credential.handler';

export class RecordProviderCredentialDto {
  @ApiProperty({ example: 'LCSW', description: 'MD, DO, NP, PA, PhD, PsyD, LCSW, LPC, LMHC, LMFT, or a trainee credential' })
  @Matches(/^[A-Za-z][A-Za-z-]{0,19}$/)
  credential: string;
}

@ApiTags('coding')
@Controller('v1/coding/providers')
export class RecordProviderCredentialController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':providerId/credential')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: "Record the credential coding uses for a rendering provider (90792, credential modifiers)" })
  async record(
    @Ctx() context: CommandContext,
    @Param('providerId', new ParseUUIDPipe()) providerId: string,
    @Body() body: RecordProviderCredentialDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProviderCredentialState> {
    const outcome = await this.commands.execute(new RecordProviderCredentialCommand(context, { providerId, credential: body.credential }));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
