import { Body, Controller, HttpCode, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { newId, type CommandContext } from '@revcycle/kernel';
import { Ctx, Roles } from '@revcycle/platform';
import type { FastifyReply } from 'fastify';

import { EncounterCommandResultDto, RefuseClinicalNoteText, withETag } from '../encounter-command.http';
import { EncounterFactsDto, toFactsInput } from '../encounter-facts.http';
import { OpenEncounterCommand } from './open-encounter.handler';

class Part2LabelDto {
  @ApiProperty({ description: 'The 42 CFR Part 2 program the patient record comes from' })
  @IsString()
  @Length(1, 64)
  sourceProgramId: string;
}

class OpenEncounterRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  patientId: string;

  @ApiPropertyOptional({ type: Part2LabelDto, nullable: true, description: "Copied from the patient's Part 2 label" })
  @IsOptional()
  @ValidateNested()
  @Type(() => Part2LabelDto)
  part2?: Part2LabelDto | null;

  @ApiProperty({ type: EncounterFactsDto })
  @ValidateNested()
  @Type(() => EncounterFactsDto)
  facts: EncounterFactsDto;
}

/** An unscheduled service (crisis call, walk-in); scheduled sessions open by policy on completion. */
@ApiTags('encounters')
@Controller('v1/encounters')
export class OpenEncounterController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('clinician', 'front_desk')
  @UseInterceptors(RefuseClinicalNoteText)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key gets the same answer' })
  @ApiCreatedResponse({ type: EncounterCommandResultDto })
  async open(@Ctx() context: CommandContext, @Body() body: OpenEncounterRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const part2 = body.part2 ? { sourceProgramId: body.part2.sourceProgramId } : null;
    const command = new OpenEncounterCommand(context, newId(), body.patientId, null, part2, toFactsInput(body.facts), body);
    const result = withETag(reply, await this.commands.execute(command));
    reply.header('location', `/v1/encounters/${result.encounterId}`);
    return result;
  }
}
