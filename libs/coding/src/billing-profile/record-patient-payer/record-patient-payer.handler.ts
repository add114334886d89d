import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { evolvePatientPayer, initialPatientPayerState, patientPayerStreamId, type PatientPayerState } from '../billing-profile.state';
import { decideRecordPatientPayer, type RecordPatientPayer } from './record-patient-payer.command';

export class RecordPatientPayerCommand extends Command<CommandOutcome<PatientPayerState>> {
  constructor(
    readonly context: CommandContext,
    readonly input: RecordPatientPayer,
  ) {
    super();
  }
}

@CommandHandler(RecordPatientPayerCommand)
export class RecordPatientPayerHandler implements ICommandHandler<RecordPatientPayerCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, input }: RecordPatientPayerCommand): Promise<CommandOutcome<PatientPayerState>> {
    return this.pipeline.handle({
      streamId: patientPayerStreamId(input.patientId),
      decider: { initialState: initialPatientPayerState, evolve: evolvePatientPayer },
      context,
      commandType: 'coding.RecordPatientPayer',
      payload: input,
      decide: (state) => decideRecordPatientPayer(input, state),
      respond: ({ state }) => state,
    });
  }
}
