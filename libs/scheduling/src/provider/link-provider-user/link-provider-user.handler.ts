import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { keyed } from '../../command-keys';
import { deciders } from '../../scheduling-streams';
import { providerStreamId } from '../provider.state';
import { decideLinkProviderUser } from './link-provider-user.command';

export class LinkProviderUserMessage extends Command<CommandOutcome<{ providerId: string; version: string }>> {
  constructor(
    readonly context: CommandContext,
    readonly providerId: string,
    readonly userId: string,
    readonly expectedVersion?: bigint,
  ) {
    super();
  }
}

@CommandHandler(LinkProviderUserMessage)
export class LinkProviderUserHandler implements ICommandHandler<LinkProviderUserMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, providerId, userId, expectedVersion }: LinkProviderUserMessage): Promise<CommandOutcome<{ providerId: string; version: string }>> {
    return this.pipeline.handle({
      streamId: providerStreamId(providerId),
      decider: deciders.provider,
      context: keyed(context),
      commandType: 'scheduling.LinkProviderUser',
      payload: { providerId, userId },
      expectedVersion,
      decide: (state) => decideLinkProviderUser({ context, providerId, userId }, state),
      respond: ({ version }) => ({ providerId, version: version.toString() }),
    });
  }
}
