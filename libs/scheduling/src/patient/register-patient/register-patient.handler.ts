import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { createdId, keyed } from '../../command-keys';
import { deciders } from '../../scheduling-streams';
import { patientStreamId } from '../patient.state';
import { decideRegisterPatient, type RegisterPatient } from './register-patient.command';

export type PatientAccepted = { patientId: string; version: string };

export class RegisterPatientMessage extends Command<CommandOutcome<PatientAccepted>> {
  constructor(readonly context: CommandContext, readonly registration: Omit<RegisterPatient, 'context' | 'patientId'>) {
    super();
  }
}

/** The response and the ledger hold the new id only; demographics stay in the event's `phi`. */
@CommandHandler(RegisterPatientMessage)
export class RegisterPatientHandler implements ICommandHandler<RegisterPatientMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, registration }: RegisterPatientMessage): Promise<CommandOutcome<PatientAccepted>> {
    const keyedContext = keyed(context);
    const patientId = createdId(keyedContext);
    return this.pipeline.handle({
      streamId: patientStreamId(patientId),
      decider: deciders.patient,
      context: keyedContext,
      commandType: 'scheduling.RegisterPatient',
      payload: registration,
      decide: (state) => decideRegisterPatient({ context, patientId, ...registration }, state),
      respond: ({ version }) => ({ patientId, version: version.toString() }),
    });
  }
}
