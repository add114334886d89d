import { Body, Controller, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { SetPracticePoliciesMessage } from './set-practice-policies.handler';

export class PracticePoliciesRequest {
  @ApiProperty({ example: 24 }) @IsInt() @Min(0) @Max(168) lateCancelWindowHours: number;
  @ApiProperty({ example: 5000, description: 'Integer cents; 0 charges nothing' }) @IsInt() @Min(0) lateCancelFeeCents: number;
  @ApiProperty({ example: 7500, description: 'Integer cents; 0 charges nothing' }) @IsInt() @Min(0) noShowFeeCents: number;
  @ApiProperty({ example: 30 }) @IsInt() @Min(0) @Max(365) eligibilityMaxAgeDays: number;
}

@ApiTags('practice')
@Controller('v1/practice/policies')
export class SetPracticePoliciesHttp {
  constructor(private readonly commands: CommandBus) {}

  @Put()
  @Roles('admin')
  @CommandDocs('Set the late-cancel window, missed-appointment fees and eligibility age', { ifMatch: true })
  async set(
    @Body() body: PracticePoliciesRequest,
    @Ctx() context: CommandContext,
    @IfMatch() expectedVersion: bigint | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.commands.execute(new SetPracticePoliciesMessage(context, { ...body }, expectedVersion));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
