import { Body, Controller, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch, IsLocalDateString, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { LabelPart2RecordsMessage } from './label-part2-records.handler';

export class Part2LabelDto {
  @ApiProperty({ description: 'The Part 2 program the records came from' }) @IsUUID() sourceProgramId: string;
  @ApiProperty({ example: '2025-01-01' }) @IsLocalDateString() effectiveFrom: string;
}

@ApiTags('patients')
@Controller('v1/patients')
export class LabelPart2RecordsHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post(':patientId/part2-label')
  @Roles('front_desk', 'compliance')
  @CommandDocs('Label a patient’s records as received from a 42 CFR Part 2 program', { ifMatch: true })
  async label(
    @Param('patientId', ParseUUIDPipe) patientId: string,
    @Body() body: Part2LabelDto,
    @Ctx() context: CommandContext,
    @IfMatch() expectedVersion: bigint | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.commands.execute(new LabelPart2RecordsMessage(context, patientId, { ...body }, expectedVersion));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
