import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { keyed } from '../../command-keys';
import { deciders } from '../../scheduling-streams';
import type { PatientDemographics } from '../patient.events';
import { patientStreamId } from '../patient.state';
import { decideCorrectPatientDemographics } from './correct-patient-demographics.command';

export class CorrectPatientDemographicsMessage extends Command<CommandOutcome<{ patientId: string; version: string }>> {
  constructor(
    readonly context: CommandContext,
    readonly patientId: string,
    readonly phi: PatientDemographics,
    readonly expectedVersion?: bigint,
  ) {
    super();
  }
}

@CommandHandler(CorrectPatientDemographicsMessage)
export class CorrectPatientDemographicsHandler implements ICommandHandler<CorrectPatientDemographicsMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, patientId, phi, expectedVersion }: CorrectPatientDemographicsMessage): Promise<CommandOutcome<{ patientId: string; version: string }>> {
    return this.pipeline.handle({
      streamId: patientStreamId(patientId),
      decider: deciders.patient,
      context: keyed(context),
      commandType: 'scheduling.CorrectPatientDemographics',
      payload: { patientId, phi },
      expectedVersion,
      decide: (state) => decideCorrectPatientDemographics({ context, patientId, phi }, state),
      respond: ({ version }) => ({ patientId, version: version.toString() }),
    });
  }
}
