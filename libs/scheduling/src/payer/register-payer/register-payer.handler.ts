import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { createdId, keyed } from '../../command-keys';
import { deciders } from '../../scheduling-streams';
import type { PayerRegistration } from '../payer.events';
import { payerStreamId } from '../payer.state';
import { decideRegisterPayer } from './register-payer.command';

export type PayerAccepted = { payerId: string; version: string };

export class RegisterPayerMessage extends Command<CommandOutcome<PayerAccepted>> {
  constructor(readonly context: CommandContext, readonly payer: Omit<PayerRegistration, 'payerId'>) {
    super();
  }
}

@CommandHandler(RegisterPayerMessage)
export class RegisterPayerHandler implements ICommandHandler<RegisterPayerMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, payer }: RegisterPayerMessage): Promise<CommandOutcome<PayerAccepted>> {
    const keyedContext = keyed(context);
    const payerId = createdId(keyedContext);
    return this.pipeline.handle({
      streamId: payerStreamId(payerId),
      decider: deciders.payer,
      context: keyedContext,
      commandType: 'scheduling.RegisterPayer',
      payload: payer,
      decide: (state) => decideRegisterPayer({ context, payer: { ...payer, payerId } }, state),
      respond: ({ version }) => ({ payerId, version: version.toString() }),
    });
  }
}
