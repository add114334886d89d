import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { ProviderAccounts } from '../acting-provider';
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
    private readonly accounts: ProviderAccounts,
  ) {}

  async execute({ context, encounterId, signingProviderId, expectedVersion }: SignEncounterCommand) {
    const signingAccount = await this.accounts.of(context, signingProviderId);
    return this.pipeline.handle({
      ...encounterCommand(encounterId, context, expectedVersion),
      commandType: 'encounters.SignEncounter',
      payload: { encounterId, signingProviderId },
      decide: (state) => decideSignEncounter({ context, encounterId, signingProviderId, signingAccount }, state),
    });
  }
}
