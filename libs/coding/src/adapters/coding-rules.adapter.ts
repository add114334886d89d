import { Injectable } from '@nestjs/common';

import { EventStore } from '@revcycle/event-store';

import type { EvaluateCodingDependencies } from '../evaluate/evaluate-coding';
import { evolveFeeSchedule, feeScheduleOf, feeScheduleStreamId, initialFeeScheduleState } from '../fee-schedule/fee-schedule.state';
import { evolvePayerRules, initialPayerRulesState, payerRulesStreamId } from '../payer-rules/payer-rules.state';
import { CodeSetCatalogSource } from './code-set-catalog.adapter';
import { foldStream } from './stream-fold.adapter';

/** Everything the rules consult for one tenant and payer: code sets, payer rules and that payer's fee schedule. */
@Injectable()
export class CodingRulesSource {
  constructor(
    private readonly store: EventStore,
    private readonly catalogs: CodeSetCatalogSource,
  ) {}

  async rulesFor(tenantId: string, payerId: string | undefined): Promise<EvaluateCodingDependencies> {
    const [catalog, payerRules, fees] = await Promise.all([
      this.catalogs.current(),
      foldStream(this.store, payerRulesStreamId(), tenantId, initialPayerRulesState, evolvePayerRules),
      foldStream(this.store, feeScheduleStreamId(), tenantId, initialFeeScheduleState, evolveFeeSchedule),
    ]);
    const feeSchedule = feeScheduleOf(fees, payerId);
    return { catalog, payerRules: payerRules.rules, ...(feeSchedule ? { feeSchedule } : {}) };
  }
}
