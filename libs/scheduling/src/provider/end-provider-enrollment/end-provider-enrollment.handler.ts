import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { keyed } from '../../command-keys';
import { deciders } from '../../scheduling-streams';
import { providerStreamId } from '../provider.state';
import { decideEndProviderEnrollment } from './end-provider-enrollment.command';

export class EndProviderEnrollmentMessage extends Command<CommandOutcome<{ providerId: string; version: string }>> {
  constructor(
    readonly context: CommandContext,
    readonly providerId: string,
    readonly activeTo: string,
    readonly expectedVersion?: bigint,
  ) {
    super();
  }
}

@CommandHandler(EndProviderEnrollmentMessage)
export class EndProviderEnrollmentHandler implements ICommandHandler<EndProviderEnrollmentMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, providerId, activeTo, expectedVersion }: EndProviderEnrollmentMessage): Promise<CommandOutcome<{ providerId: string; version: string }>> {
    return this.pipeline.handle({
      streamId: providerStreamId(providerId),
      decider: deciders.provider,
      context: keyed(context),
      commandType: 'scheduling.EndProviderEnrollment',
      payload: { providerId, activeTo },
      expectedVersion,
      decide: (state) => decideEndProviderEnrollment({ context, providerId, activeTo }, state),
      respond: ({ version }) => ({ providerId, version: version.toString() }),
    });
  }
}
