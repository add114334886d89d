import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { keyed } from '../../command-keys';
import { deciders } from '../../scheduling-streams';
import type { PracticePolicies } from '../practice.events';
import { practiceStreamId } from '../practice.state';
import { decideSetPracticePolicies } from './set-practice-policies.command';

export class SetPracticePoliciesMessage extends Command<CommandOutcome<{ version: string }>> {
  constructor(
    readonly context: CommandContext,
    readonly policies: PracticePolicies,
    readonly expectedVersion?: bigint,
  ) {
    super();
  }
}

@CommandHandler(SetPracticePoliciesMessage)
export class SetPracticePoliciesHandler implements ICommandHandler<SetPracticePoliciesMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, policies, expectedVersion }: SetPracticePoliciesMessage): Promise<CommandOutcome<{ version: string }>> {
    return this.pipeline.handle({
      streamId: practiceStreamId(context.tenantId),
      decider: deciders.practice,
      context: keyed(context),
      commandType: 'scheduling.SetPracticePolicies',
      payload: policies,
      expectedVersion,
      decide: (state) => decideSetPracticePolicies({ context, policies }, state),
      respond: ({ version }) => ({ version: version.toString() }),
    });
  }
}
