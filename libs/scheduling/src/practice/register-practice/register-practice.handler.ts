import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { keyed } from '../../command-keys';
import { deciders } from '../../scheduling-streams';
import { practiceStreamId } from '../practice.state';
import { decideRegisterPractice, type RegisterPractice } from './register-practice.command';

export type PracticeAccepted = { tenantId: string; version: string };

export class RegisterPracticeMessage extends Command<CommandOutcome<PracticeAccepted>> {
  constructor(readonly context: CommandContext, readonly profile: RegisterPractice['profile']) {
    super();
  }
}

@CommandHandler(RegisterPracticeMessage)
export class RegisterPracticeHandler implements ICommandHandler<RegisterPracticeMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, profile }: RegisterPracticeMessage): Promise<CommandOutcome<PracticeAccepted>> {
    return this.pipeline.handle({
      streamId: practiceStreamId(context.tenantId),
      decider: deciders.practice,
      context: keyed(context),
      commandType: 'scheduling.RegisterPractice',
      payload: profile,
      decide: (state) => decideRegisterPractice({ context, profile }, state),
      respond: ({ version }) => ({ tenantId: context.tenantId, version: version.toString() }),
    });
  }
}
