import { Injectable } from '@nestjs/common';

import { EventStore } from '@revcycle/event-store';

import { dependenciesFor, type CodingRules } from '../coding/coding-evaluation';
import type { EvaluateCodingDependencies } from '../evaluate/evaluate-coding';
import { evolveFeeSchedule, feeScheduleStreamId, initialFeeScheduleState } from '../fee-schedule/fee-schedule.state';
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

  async load(tenantId: string): Promise<CodingRules> {
    const [catalog, payerRules, feeSchedules] = await Promise.all([
      this.catalogs.current(),
      foldStream(this.store, payerRulesStreamId(), tenantId, initialPayerRulesState, evolvePayerRules),
      foldStream(this.store, feeScheduleStreamId(), tenantId, initialFeeScheduleState, evolveFeeSchedule),
    ]);
    return { catalog, payerRules: payerRules.rules, feeSchedules };
  }

  async rulesFor(tenantId: string, payerId: string | undefined): Promise<EvaluateCodingDependencies> {
    return dependenciesFor(await this.load(tenantId), payerId);
  }
}
