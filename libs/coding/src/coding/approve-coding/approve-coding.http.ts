import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch, Roles, setETag } from '@revcycle/platform';

import type { CodingView } from '../coding.view';
import { ApproveCodingCommand } from './approve-coding.handler';

export class ApproveCodingDto {
  @ApiPropertyOptional({ description: 'Required while error findings remain; recorded with the approval' })
  @IsOptional()
  @IsString()
  @Length(3, 500)
  overrideReason?: string;
}

@ApiTags('coding')
@Controller('v1/coding/drafts')
export class ApproveCodingController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':encounterId/approval')
  @HttpCode(200)
  @Roles('coder')
  @ApiOperation({ summary: 'Approve the coding for the claim; refused while error findings remain unless overridden with a reason' })
  async approve(
    @Ctx() context: CommandContext,
    @IfMatch() expectedVersion: bigint | undefined,
    @Param('encounterId', new ParseUUIDPipe()) encounterId: string,
    @Body() body: ApproveCodingDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CodingView> {
    const input = { encounterId, ...(body.overrideReason === undefined ? {} : { overrideReason: body.overrideReason }) };
    const outcome = await this.commands.execute(new ApproveCodingCommand(context, input, expectedVersion));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
