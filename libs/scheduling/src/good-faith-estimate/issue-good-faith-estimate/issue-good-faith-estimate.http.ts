import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IsLocalDateString, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { SERVICE_CODE } from '../../http-validation';
import type { EstimateBasis } from '../good-faith-estimate.events';
import { IssueGoodFaithEstimateMessage, type EstimateAccepted } from './issue-good-faith-estimate.handler';

export class EstimatedServiceDto {
  @ApiProperty({ example: '90837' }) @Matches(SERVICE_CODE) serviceCode: string;
  @ApiProperty({ example: 'Psychotherapy, 60 minutes' }) @IsString() @Length(1, 120) description: string;
  @ApiProperty() @IsUUID() providerId: string;
  @ApiProperty({ example: 12 }) @IsInt() @Min(1) @Max(366) sessions: number;
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(96) unitsPerSession: number;
  @ApiProperty({ example: 15000, description: 'Integer cents' }) @IsInt() @Min(0) chargePerUnitCents: number;
}

export class EstimatePeriodDto {
  @ApiProperty() @IsLocalDateString() start: string;
  @ApiProperty() @IsLocalDateString() end: string;
}

export class IssueGoodFaithEstimateRequest {
  @ApiProperty() @IsUUID() patientId: string;
  @ApiProperty({ type: [EstimatedServiceDto] }) @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => EstimatedServiceDto)
  services: EstimatedServiceDto[];
  @ApiProperty({ type: EstimatePeriodDto }) @ValidateNested() @Type(() => EstimatePeriodDto) period: EstimatePeriodDto;
  @ApiProperty() @IsLocalDateString() firstSessionOn: string;
  @ApiProperty({ enum: ['scheduled', 'requested'] }) @IsIn(['scheduled', 'requested']) basis: EstimateBasis;
  @ApiProperty({ description: 'The day the first session was scheduled or the estimate requested' }) @IsLocalDateString() basisOn: string;
}

@ApiTags('good-faith-estimates')
@Controller('v1/good-faith-estimates')
export class IssueGoodFaithEstimateHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('front_desk', 'biller')
  @CommandDocs('Issue a Good Faith Estimate (No Surprises Act) to an uninsured or self-pay patient')
  async issue(@Body() body: IssueGoodFaithEstimateRequest, @Ctx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<EstimateAccepted> {
    const request = { ...body, services: body.services.map((s) => ({ ...s })), period: { ...body.period } };
    const outcome = await this.commands.execute(new IssueGoodFaithEstimateMessage(context, request));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
