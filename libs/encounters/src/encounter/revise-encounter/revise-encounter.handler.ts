import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { encounterCommand, type EncounterCommandResult } from '../encounter-command.handler';
import type { EncounterFactsInput } from '../encounter-facts';
import { decideReviseEncounter } from './revise-encounter.command';

export class ReviseEncounterCommand extends Command<CommandOutcome<EncounterCommandResult>> {
  constructor(
    readonly context: CommandContext,
    readonly encounterId: string,
    readonly facts: EncounterFactsInput,
    readonly expectedVersion: bigint | undefined,
  ) {
    super();
  }
}

@CommandHandler(ReviseEncounterCommand)
export class ReviseEncounterHandler implements ICommandHandler<ReviseEncounterCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, encounterId, facts, expectedVersion }: ReviseEncounterCommand) {
    return this.pipeline.handle({
      ...encounterCommand(encounterId, context, expectedVersion),
      commandType: 'encounters.ReviseEncounter',
      payload: { encounterId, facts },
      decide: (state) => decideReviseEncounter({ context, encounterId, facts }, state),
    });
  }
}
