import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { keyed } from '../../command-keys';
import { deciders } from '../../scheduling-streams';
import { coverageStreamId } from '../coverage.state';
import { decideEndCoverage } from './end-coverage.command';

export class EndCoverageMessage extends Command<CommandOutcome<{ coverageId: string; version: string }>> {
  constructor(
    readonly context: CommandContext,
    readonly coverageId: string,
    readonly effectiveTo: string,
    readonly expectedVersion?: bigint,
  ) {
    super();
  }
}

@CommandHandler(EndCoverageMessage)
export class EndCoverageHandler implements ICommandHandler<EndCoverageMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, coverageId, effectiveTo, expectedVersion }: EndCoverageMessage): Promise<CommandOutcome<{ coverageId: string; version: string }>> {
    return this.pipeline.handle({
      streamId: coverageStreamId(coverageId),
      decider: deciders.coverage,
      context: keyed(context),
      commandType: 'scheduling.EndCoverage',
      payload: { coverageId, effectiveTo },
      expectedVersion,
      decide: (state) => decideEndCoverage({ context, coverageId, effectiveTo }, state),
      respond: ({ version }) => ({ coverageId, version: version.toString() }),
    });
  }
}
