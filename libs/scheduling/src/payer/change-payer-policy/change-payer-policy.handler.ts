import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { keyed } from '../../command-keys';
import { deciders } from '../../scheduling-streams';
import type { PayerPolicy } from '../payer.events';
import { payerStreamId } from '../payer.state';
import { decideChangePayerPolicy } from './change-payer-policy.command';

export class ChangePayerPolicyMessage extends Command<CommandOutcome<{ payerId: string; version: string }>> {
  constructor(
    readonly context: CommandContext,
    readonly payerId: string,
    readonly policy: PayerPolicy,
    readonly expectedVersion?: bigint,
  ) {
    super();
  }
}

@CommandHandler(ChangePayerPolicyMessage)
export class ChangePayerPolicyHandler implements ICommandHandler<ChangePayerPolicyMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, payerId, policy, expectedVersion }: ChangePayerPolicyMessage): Promise<CommandOutcome<{ payerId: string; version: string }>> {
    return this.pipeline.handle({
      streamId: payerStreamId(payerId),
      decider: deciders.payer,
      context: keyed(context),
      commandType: 'scheduling.ChangePayerPolicy',
      payload: { payerId, policy },
      expectedVersion,
      decide: (state) => decideChangePayerPolicy({ context, payerId, policy }, state),
      respond: ({ version }) => ({ payerId, version: version.toString() }),
    });
  }
}
