import { Body, Controller, Param, ParseUUIDPipe, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { PayerPolicyDto } from '../register-payer/register-payer.http';
import { ChangePayerPolicyMessage } from './change-payer-policy.handler';

@ApiTags('payers')
@Controller('v1/payers')
export class ChangePayerPolicyHttp {
  constructor(private readonly commands: CommandBus) {}

  @Put(':payerId/policy')
  @Roles('admin')
  @CommandDocs('Change the policy switches of a payer', { ifMatch: true })
  async change(
    @Param('payerId', ParseUUIDPipe) payerId: string,
    @Body() body: PayerPolicyDto,
    @Ctx() context: CommandContext,
    @IfMatch() expectedVersion: bigint | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.commands.execute(new ChangePayerPolicyMessage(context, payerId, { ...body }, expectedVersion));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
