import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

import { EventStore } from '@revcycle/event-store';

import { foldStream } from '../../adapters/stream-fold.adapter';
import type { PayerRule } from '../../rules/payer-rules';
import { evolvePayerRules, initialPayerRulesState, payerRulesStreamId } from '../payer-rules.state';

export class ListPayerRulesQuery extends Query<PayerRule[]> {
  constructor(readonly tenantId: string) {
    super();
  }
}

/** The tenant's own rules by payer and start date; payers without one use the defaults of their kind. */
@QueryHandler(ListPayerRulesQuery)
export class ListPayerRulesHandler implements IQueryHandler<ListPayerRulesQuery> {
  constructor(private readonly store: EventStore) {}

  async execute({ tenantId }: ListPayerRulesQuery): Promise<PayerRule[]> {
    const { rules } = await foldStream(this.store, payerRulesStreamId(), tenantId, initialPayerRulesState, evolvePayerRules);
    const key = (rule: PayerRule) => `${rule.payerId ?? ''}|${rule.payerKind}|${rule.effectiveFrom}`;
    return [...rules].sort((a, b) => key(a).localeCompare(key(b)));
  }
}
