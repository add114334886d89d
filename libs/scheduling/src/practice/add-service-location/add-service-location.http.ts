import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, Length, Matches, ValidateNested } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { PostalAddressDto } from '../register-practice/register-practice.http';
import { AddServiceLocationMessage } from './add-service-location.handler';

export class AddServiceLocationRequest {
  @ApiProperty() @IsString() @Length(1, 60) name: string;
  @ApiProperty({ type: PostalAddressDto }) @ValidateNested() @Type(() => PostalAddressDto) address: PostalAddressDto;
  @ApiProperty({ example: '11', description: 'CMS place-of-service code' }) @Matches(/^\d{2}$/) defaultPlaceOfService: string;
}

@ApiTags('practice')
@Controller('v1/practice/locations')
export class AddServiceLocationHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @CommandDocs('Add a service location with its default place of service', { ifMatch: true })
  async add(
    @Body() body: AddServiceLocationRequest,
    @Ctx() context: CommandContext,
    @IfMatch() expectedVersion: bigint | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.commands.execute(new AddServiceLocationMessage(context, body, expectedVersion));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
