import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import type { Part2Label } from '../../contracts/encounters.public-events';
import { encounterCommand, type EncounterCommandResult } from '../encounter-command.handler';
import type { EncounterFactsInput } from '../encounter-facts';
import { decideOpenEncounter } from './open-encounter.command';

export class OpenEncounterCommand extends Command<CommandOutcome<EncounterCommandResult>> {
  constructor(
    readonly context: CommandContext,
    readonly encounterId: string,
    readonly patientId: string,
    readonly appointmentId: string | null,
    readonly part2: Part2Label,
    readonly facts: EncounterFactsInput,
    /** What the idempotency ledger fingerprints: the request as sent, not the id generated for it. */
    readonly payload: unknown,
  ) {
    super();
  }
}

@CommandHandler(OpenEncounterCommand)
export class OpenEncounterHandler implements ICommandHandler<OpenEncounterCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, encounterId, patientId, appointmentId, part2, facts, payload }: OpenEncounterCommand) {
    return this.pipeline.handle({
      ...encounterCommand(encounterId, context, undefined),
      commandType: 'encounters.OpenEncounter',
      payload,
      decide: (state) => decideOpenEncounter({ context, encounterId, patientId, appointmentId, part2, facts }, state),
    });
  }
}
