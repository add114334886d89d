import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import type { FeeScheduleEntry } from '../../rules/fee-schedule';
import { evolveFeeSchedule, feeScheduleStreamId, initialFeeScheduleState } from '../fee-schedule.state';
import { decideSetFeeScheduleEntry, type SetFeeScheduleEntry } from './set-fee-schedule-entry.command';

export class SetFeeScheduleEntryCommand extends Command<CommandOutcome<{ payerId: string; entries: FeeScheduleEntry[] }>> {
  constructor(
    readonly context: CommandContext,
    readonly input: SetFeeScheduleEntry,
  ) {
    super();
  }
}

@CommandHandler(SetFeeScheduleEntryCommand)
export class SetFeeScheduleEntryHandler implements ICommandHandler<SetFeeScheduleEntryCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, input }: SetFeeScheduleEntryCommand): Promise<CommandOutcome<{ payerId: string; entries: FeeScheduleEntry[] }>> {
    return this.pipeline.handle({
      streamId: feeScheduleStreamId(),
      decider: { initialState: initialFeeScheduleState, evolve: evolveFeeSchedule },
      context,
      commandType: 'coding.SetFeeScheduleEntry',
      payload: input,
      decide: (state) => decideSetFeeScheduleEntry(input, state),
      respond: ({ state }) => ({ payerId: input.payerId, entries: state.byPayer[input.payerId] ?? [] }),
    });
  }
}
