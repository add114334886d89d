import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { createdId, keyed } from '../../command-keys';
import { deciders } from '../../scheduling-streams';
import type { ProviderEnrollment } from '../provider.events';
import { providerStreamId } from '../provider.state';
import { decideEnrollProvider } from './enroll-provider.command';

export type ProviderAccepted = { providerId: string; version: string };

export class EnrollProviderMessage extends Command<CommandOutcome<ProviderAccepted>> {
  constructor(readonly context: CommandContext, readonly enrollment: Omit<ProviderEnrollment, 'providerId'>) {
    super();
  }
}

@CommandHandler(EnrollProviderMessage)
export class EnrollProviderHandler implements ICommandHandler<EnrollProviderMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, enrollment }: EnrollProviderMessage): Promise<CommandOutcome<ProviderAccepted>> {
    const keyedContext = keyed(context);
    const providerId = createdId(keyedContext);
    return this.pipeline.handle({
      streamId: providerStreamId(providerId),
      decider: deciders.provider,
      context: keyedContext,
      commandType: 'scheduling.EnrollProvider',
      payload: enrollment,
      decide: (state) => decideEnrollProvider({ context, enrollment: { ...enrollment, providerId } }, state),
      respond: ({ version }) => ({ providerId, version: version.toString() }),
    });
  }
}
