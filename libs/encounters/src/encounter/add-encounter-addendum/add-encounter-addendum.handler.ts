import { Command, CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import { newId, type CommandContext } from '@revcycle/kernel';
import { FindProviderUser } from '@revcycle/scheduling';

import type { AddendumReason } from '../../contracts/encounters.public-events';
import { encounterCommand, type EncounterCommandResult } from '../encounter-command.handler';
import type { EncounterFactsInput } from '../encounter-facts';
import { decideAddEncounterAddendum } from './add-encounter-addendum.command';

export class AddEncounterAddendumCommand extends Command<CommandOutcome<EncounterCommandResult>> {
  constructor(
    readonly context: CommandContext,
    readonly encounterId: string,
    readonly reason: AddendumReason,
    readonly changes: Partial<EncounterFactsInput>,
    readonly recordingProviderId: string,
    readonly expectedVersion: bigint | undefined,
  ) {
    super();
  }
}

@CommandHandler(AddEncounterAddendumCommand)
export class AddEncounterAddendumHandler implements ICommandHandler<AddEncounterAddendumCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly queries: QueryBus,
  ) {}

  async execute({ context, encounterId, reason, changes, recordingProviderId, expectedVersion }: AddEncounterAddendumCommand) {
    const recordingAccount = await this.queries.execute(new FindProviderUser(context.tenantId, recordingProviderId));
    // A retried request is answered from the idempotency ledger, so a fresh id per attempt is safe.
    const addendumId = newId();
    return this.pipeline.handle({
      ...encounterCommand(encounterId, context, expectedVersion),
      commandType: 'encounters.AddEncounterAddendum',
      payload: { encounterId, reason, changes, recordingProviderId },
      decide: (state) =>
        decideAddEncounterAddendum({ context, encounterId, addendumId, reason, changes, recordingProviderId, recordingAccount }, state),
    });
  }
}
