import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { evolveProviderCredential, initialProviderCredentialState, providerCredentialStreamId, type ProviderCredentialState } from '../billing-profile.state';
import { decideRecordProviderCredential, type RecordProviderCredential } from './record-provider-credential.command';

export class RecordProviderCredentialCommand extends Command<CommandOutcome<ProviderCredentialState>> {
  constructor(
    readonly context: CommandContext,
    readonly input: RecordProviderCredential,
  ) {
    super();
  }
}

@CommandHandler(RecordProviderCredentialCommand)
export class RecordProviderCredentialHandler implements ICommandHandler<RecordProviderCredentialCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, input }: RecordProviderCredentialCommand): Promise<CommandOutcome<ProviderCredentialState>> {
    return this.pipeline.handle({
      streamId: providerCredentialStreamId(input.providerId),
      decider: { initialState: initialProviderCredentialState, evolve: evolveProviderCredential },
      context,
      commandType: 'coding.RecordProviderCredential',
      payload: input,
      decide: (state) => decideRecordProviderCredential(input, state),
      respond: ({ state }) => state,
    });
  }
}
