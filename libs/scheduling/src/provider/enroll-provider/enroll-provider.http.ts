import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IsLocalDateString, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { PROVIDER_CREDENTIALS, type ProviderCredential } from '../provider.events';
import { EnrollProviderMessage } from './enroll-provider.handler';

export class EnrollProviderRequest {
  @ApiProperty({ example: '1234567893', description: 'Individual NPI; the check digit is verified' }) @Matches(/^\d{10}$/) npi: string;
  @ApiProperty() @IsString() @Length(1, 80) displayName: string;
  @ApiProperty({ example: '1041C0700X' }) @Matches(/^[0-9A-Z]{9}X$/) taxonomyCode: string;
  @ApiProperty({ enum: PROVIDER_CREDENTIALS }) @IsIn(PROVIDER_CREDENTIALS) credential: ProviderCredential;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsUUID() supervisingProviderId: string | null = null;
  @ApiProperty({ example: '2025-01-01' }) @IsLocalDateString() activeFrom: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsLocalDateString() activeTo: string | null = null;
}

@ApiTags('providers')
@Controller('v1/providers')
export class EnrollProviderHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @CommandDocs('Enroll a rendering provider (NPI, taxonomy, credential, supervision, active dates)')
  async enroll(@Body() body: EnrollProviderRequest, @Ctx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const outcome = await this.commands.execute(new EnrollProviderMessage(context, { ...body }));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
