import { Injectable } from '@nestjs/common';

import { CommandPipeline, EventConsumer, policyContext, type Consumer, type StoredEvent } from '@revcycle/event-store';

import {
  evaluationHistoryStreamId,
  evolveEvaluationHistory,
  initialEvaluationHistoryState,
} from '../billing-profile/evaluation-history.state';
import { decideRecordEvaluationHistory, type RecordEvaluationHistory } from '../billing-profile/record-evaluation-history/record-evaluation-history.command';
import type { CodingApproved, CodingWithdrawn } from '../contracts/coding.public-events';

const POLICY = 'record-evaluation-history-when-coding-approved';
const DIAGNOSTIC_EVALUATIONS = new Set(['90791', '90792']);

/**
 * Keeps each client's billed diagnostic evaluations, so the next draft can apply the payer's repeat
 * rule [CR6]: an approval billing 90791/90792 adds one, a withdrawal or a re-approval without it removes it.
 */
@Injectable()
@EventConsumer()
export class RecordEvaluationHistoryWhenCodingApproved implements Consumer {
  readonly name = `coding.${POLICY}`;
  readonly version = 1;
  readonly handles = ['coding.CodingApproved', 'coding.CodingWithdrawn'];

  constructor(private readonly pipeline: CommandPipeline) {}

  async apply(event: StoredEvent): Promise<void> {
    const source = event as unknown as CodingApproved | CodingWithdrawn;
    const { patientId, encounterId, dateOfService } = source.data;
    const billed = source.type === 'coding.CodingApproved' && source.data.lines.some((line) => DIAGNOSTIC_EVALUATIONS.has(line.code));
    const command: RecordEvaluationHistory = { patientId, encounterId, dateOfService, billed };
    await this.pipeline.handle({
      streamId: evaluationHistoryStreamId(patientId),
      decider: { initialState: initialEvaluationHistoryState, evolve: evolveEvaluationHistory },
      context: policyContext(POLICY, event),
      commandType: 'coding.RecordEvaluationHistory',
      payload: command,
      decide: (state) => decideRecordEvaluationHistory(command, state),
      respond: ({ state }) => ({ evaluations: state.evaluations.length }),
    });
  }
}
