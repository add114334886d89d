import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, Roles } from '@revcycle/platform';

import { DEFAULT_PAYER_RULES, type PayerKind, type PayerRule } from '../../rules/payer-rules';
import { ListPayerRulesQuery } from './list-payer-rules.query';

@ApiTags('coding')
@Controller('v1/coding/payer-rules')
export class ListPayerRulesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin', 'biller', 'coder')
  @ApiOperation({ summary: "The practice's payer rules, and the built-in defaults by payer kind" })
  async list(@Ctx() context: CommandContext): Promise<{ rules: PayerRule[]; defaults: Readonly<Record<PayerKind, PayerRule>> }> {
    return { rules: await this.queries.execute(new ListPayerRulesQuery(context.tenantId)), defaults: DEFAULT_PAYER_RULES };
  }
}
