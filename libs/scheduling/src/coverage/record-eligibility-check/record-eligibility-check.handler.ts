import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext, LocalDate } from '@revcycle/kernel';

import { createdId, keyed } from '../../command-keys';
import { deciders } from '../../scheduling-streams';
import type { EligibilityOutcome } from '../coverage.events';
import { coverageStreamId } from '../coverage.state';
import { decideRecordEligibilityCheck } from './record-eligibility-check.command';

export type EligibilityAccepted = { coverageId: string; checkId: string; version: string };

export class RecordEligibilityCheckMessage extends Command<CommandOutcome<EligibilityAccepted>> {
  constructor(
    readonly context: CommandContext,
    readonly coverageId: string,
    readonly checkedOn: LocalDate,
    readonly outcome: EligibilityOutcome,
    readonly expectedVersion?: bigint,
  ) {
    super();
  }
}

@CommandHandler(RecordEligibilityCheckMessage)
export class RecordEligibilityCheckHandler implements ICommandHandler<RecordEligibilityCheckMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(message: RecordEligibilityCheckMessage): Promise<CommandOutcome<EligibilityAccepted>> {
    const { context, coverageId, checkedOn, outcome, expectedVersion } = message;
    const keyedContext = keyed(context);
    const checkId = createdId(keyedContext);
    return this.pipeline.handle({
      streamId: coverageStreamId(coverageId),
      decider: deciders.coverage,
      context: keyedContext,
      commandType: 'scheduling.RecordEligibilityCheck',
      payload: { coverageId, checkedOn, outcome },
      expectedVersion,
      decide: (state) => decideRecordEligibilityCheck({ context, coverageId, checkId, checkedOn, outcome }, state),
      respond: ({ version }) => ({ coverageId, checkId, version: version.toString() }),
    });
  }
}
