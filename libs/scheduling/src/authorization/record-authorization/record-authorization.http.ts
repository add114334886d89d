import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsInt, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IsLocalDateString, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { SERVICE_CODE } from '../../http-validation';
import { RecordAuthorizationMessage } from './record-authorization.handler';

export class RecordAuthorizationRequest {
  @ApiProperty() @IsUUID() patientId: string;
  @ApiProperty() @IsUUID() payerId: string;
  @ApiProperty({ description: 'The payer’s authorization number' }) @IsString() @Length(1, 50) number: string;
  @ApiProperty({ example: ['90834', '90837'] })
  @ArrayMinSize(1) @ArrayMaxSize(50) @ArrayUnique() @Matches(SERVICE_CODE, { each: true }) coveredServiceCodes: string[];
  @ApiProperty({ example: 12, description: 'Sessions, or units for unit-based codes' }) @IsInt() @Min(1) unitsAuthorized: number;
  @ApiProperty({ example: '2025-01-01' }) @IsLocalDateString() startDate: string;
  @ApiProperty({ example: '2025-03-31' }) @IsLocalDateString() endDate: string;
}

@ApiTags('authorizations')
@Controller('v1/authorizations')
export class RecordAuthorizationHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('front_desk')
  @CommandDocs('Record a payer’s prior authorization for a patient')
  async record(@Body() body: RecordAuthorizationRequest, @Ctx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const outcome = await this.commands.execute(new RecordAuthorizationMessage(context, { ...body }));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
