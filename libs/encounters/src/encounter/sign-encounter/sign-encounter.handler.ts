import { Command, CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';
import { FindProviderUser } from '@revcycle/scheduling';

import { encounterCommand, type EncounterCommandResult } from '../encounter-command.handler';
import { decideSignEncounter } from './sign-encounter.command';

export class SignEncounterCommand extends Command<CommandOutcome<EncounterCommandResult>> {
  constructor(
    readonly context: CommandContext,
    readonly encounterId: string,
    readonly signingProviderId: string,
    readonly expectedVersion: bigint | undefined,
  ) {
    super();
  }
}

@CommandHandler(SignEncounterCommand)
export class SignEncounterHandler implements ICommandHandler<SignEncounterCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly queries: QueryBus,
  ) {}

  async execute({ context, encounterId, signingProviderId, expectedVersion }: SignEncounterCommand) {
    const signingAccount = await this.queries.execute(new FindProviderUser(context.tenantId, signingProviderId));
    return this.pipeline.handle({
      ...encounterCommand(encounterId, context, expectedVersion),
      commandType: 'encounters.SignEncounter',
      payload: { encounterId, signingProviderId },
      decide: (state) => decideSignEncounter({ context, encounterId, signingProviderId, signingAccount }, state),
    });
  }
}
