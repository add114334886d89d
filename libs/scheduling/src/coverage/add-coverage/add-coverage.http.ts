import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IsLocalDateString, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import type { CoveragePriority, SubscriberRelationship } from '../coverage.events';
import { AddCoverageMessage } from './add-coverage.handler';

const PRIORITIES = ['primary', 'secondary', 'tertiary'] as const;
const RELATIONSHIPS = ['self', 'spouse', 'child', 'other'] as const;

export class SubscriberDto {
  @ApiProperty() @IsString() @Length(1, 60) firstName: string;
  @ApiProperty() @IsString() @Length(1, 60) lastName: string;
  @ApiProperty() @IsLocalDateString() birthDate: string;
}

export class CoveragePhiDto {
  @ApiProperty() @IsString() @Length(1, 80) memberId: string;
  @ApiPropertyOptional({ type: SubscriberDto, nullable: true, description: 'Only when the patient is not the subscriber' })
  @IsOptional() @ValidateNested() @Type(() => SubscriberDto) subscriber: SubscriberDto | null = null;
}

export class AddCoverageRequest {
  @ApiProperty() @IsUUID() patientId: string;
  @ApiProperty() @IsUUID() payerId: string;
  @ApiProperty({ enum: PRIORITIES }) @IsIn(PRIORITIES) priority: CoveragePriority;
  @ApiProperty({ enum: RELATIONSHIPS }) @IsIn(RELATIONSHIPS) relationship: SubscriberRelationship;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @Length(1, 50) groupNumber: string | null = null;
  @ApiProperty() @IsLocalDateString() effectiveFrom: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsLocalDateString() effectiveTo: string | null = null;
  @ApiProperty({ type: CoveragePhiDto }) @ValidateNested() @Type(() => CoveragePhiDto) phi: CoveragePhiDto;
}

@ApiTags('coverage')
@Controller('v1/coverages')
export class AddCoverageHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('front_desk')
  @CommandDocs('Add a coverage to a patient (payer, subscriber, member and group ids, priority, dates)')
  async add(@Body() body: AddCoverageRequest, @Ctx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const { phi, ...terms } = body;
    const subscriber = phi.subscriber && { ...phi.subscriber };
    const outcome = await this.commands.execute(new AddCoverageMessage(context, { ...terms, phi: { memberId: phi.memberId, subscriber } }));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
