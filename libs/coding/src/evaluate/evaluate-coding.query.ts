import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

import { CodingRulesSource } from '../adapters/coding-rules.adapter';
import { evaluateCoding, type EvaluateCodingResult } from './evaluate-coding';
import type { EvaluateCodingRequest } from './evaluate-coding.request';

export class EvaluateCodingQuery extends Query<EvaluateCodingResult> {
  constructor(
    readonly tenantId: string,
    readonly request: EvaluateCodingRequest,
  ) {
    super();
  }
}

/** Stateless: the tenant's payer rules and the payer's fee schedule, the current code sets, the pure rules. */
@QueryHandler(EvaluateCodingQuery)
export class EvaluateCodingHandler implements IQueryHandler<EvaluateCodingQuery> {
  constructor(private readonly rules: CodingRulesSource) {}

  async execute({ tenantId, request }: EvaluateCodingQuery): Promise<EvaluateCodingResult> {
    return evaluateCoding(request, await this.rules.rulesFor(tenantId, request.payerId));
  }
}
