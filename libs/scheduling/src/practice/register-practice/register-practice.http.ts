import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, IsTimeZone, Length, Matches, ValidateNested } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { RegisterPracticeMessage, type PracticeAccepted } from './register-practice.handler';

export class PostalAddressDto {
  @ApiProperty() @IsString() @Length(1, 55) line1: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @Length(1, 55) line2: string | null = null;
  @ApiProperty() @IsString() @Length(1, 30) city: string;
  @ApiProperty({ example: 'IL' }) @Matches(/^[A-Z]{2}$/) state: string;
  @ApiProperty({ example: '62701' }) @Matches(/^\d{5}(\d{4})?$/) postalCode: string;
}

export class RegisterPracticeRequest {
  @ApiProperty() @IsString() @IsNotEmpty() legalName: string;
  @ApiProperty({ example: '12-3456789' }) @Matches(/^\d{2}-\d{7}$/) taxId: string;
  @ApiProperty({ example: '1234567893' }) @Matches(/^\d{10}$/) groupNpi: string;
  @ApiProperty({ type: PostalAddressDto }) @ValidateNested() @Type(() => PostalAddressDto) billingAddress: PostalAddressDto;
  @ApiProperty({ example: '261QM0801X' }) @Matches(/^[0-9A-Z]{9}X$/) taxonomyCode: string;
  @ApiProperty({ example: 'America/Chicago' }) @IsTimeZone() timeZone: string;
}

@ApiTags('practice')
@Controller('v1/practice')
export class RegisterPracticeHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @CommandDocs('Register the practice profile of the caller’s tenant')
  async register(
    @Body() body: RegisterPracticeRequest,
    @Ctx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PracticeAccepted> {
    const outcome = await this.commands.execute(new RegisterPracticeMessage(context, body));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
