import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { LinkProviderUserMessage } from './link-provider-user.handler';

export class LinkProviderUserRequest {
  @ApiProperty({ example: 'auth0|64f1c2', description: 'The subject (`sub`) of the tokens the clinician signs in with' })
  @IsString()
  @Length(1, 128)
  @Matches(/^\S+$/, { message: 'must not contain whitespace' })
  userId: string;
}

@ApiTags('providers')
@Controller('v1/providers')
export class LinkProviderUserHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post(':providerId/user')
  // Changes the provider record, creates nothing: 200, not 201.
  @HttpCode(200)
  @Roles('admin')
  @CommandDocs('Link the user account that signs and amends encounters as this provider', { ifMatch: true })
  async link(
    @Param('providerId', ParseUUIDPipe) providerId: string,
    @Body() body: LinkProviderUserRequest,
    @Ctx() context: CommandContext,
    @IfMatch() expectedVersion: bigint | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.commands.execute(new LinkProviderUserMessage(context, providerId, body.userId, expectedVersion));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
