import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, Roles } from '@revcycle/platform';

import type { EvaluateCodingResult } from './evaluate-coding';
import { EvaluateCodingDto } from './evaluate-coding.dto';
import { EvaluateCodingQuery } from './evaluate-coding.query';

@ApiTags('coding')
@Controller('v1/coding/evaluate')
export class EvaluateCodingController {
  constructor(private readonly queries: QueryBus) {}

  @Post()
  @HttpCode(200)
  @Roles('coder', 'biller', 'clinician', 'front_desk', 'admin')
  @ApiOperation({
    summary: 'Suggest claim lines for one service, with findings',
    description: 'Stateless. A valid request that is not billable answers 200 with no lines and an error finding.',
  })
  @ApiOkResponse({ description: 'lines, findings, rulesetVersion and the code-set releases used' })
  evaluate(@Ctx() context: CommandContext, @Body() body: EvaluateCodingDto): Promise<EvaluateCodingResult> {
    return this.queries.execute(new EvaluateCodingQuery(context.tenantId, body));
  }
}
