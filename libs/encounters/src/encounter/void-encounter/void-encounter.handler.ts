import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import type { VoidReason } from '../../contracts/encounters.public-events';
import { encounterCommand, type EncounterCommandResult } from '../encounter-command.handler';
import { decideVoidEncounter } from './void-encounter.command';

export class VoidEncounterCommand extends Command<CommandOutcome<EncounterCommandResult>> {
  constructor(
    readonly context: CommandContext,
    readonly encounterId: string,
    readonly reason: VoidReason,
    readonly expectedVersion: bigint | undefined,
  ) {
    super();
  }
}

@CommandHandler(VoidEncounterCommand)
export class VoidEncounterHandler implements ICommandHandler<VoidEncounterCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, encounterId, reason, expectedVersion }: VoidEncounterCommand) {
    return this.pipeline.handle({
      ...encounterCommand(encounterId, context, expectedVersion),
      commandType: 'encounters.VoidEncounter',
      payload: { encounterId, reason },
      decide: (state) => decideVoidEncounter({ context, encounterId, reason }, state),
    });
  }
}
