import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { keyed } from '../../command-keys';
import { deciders, SchedulingStreams } from '../../scheduling-streams';
import { appointmentStreamId } from '../appointment.state';
import { decideCheckInPatient } from './check-in-patient.command';

export type CheckInAccepted = { appointmentId: string; version: string };

export class CheckInPatientMessage extends Command<CommandOutcome<CheckInAccepted>> {
  constructor(readonly context: CommandContext, readonly appointmentId: string, readonly expectedVersion?: bigint) {
    super();
  }
}

@CommandHandler(CheckInPatientMessage)
export class CheckInPatientHandler implements ICommandHandler<CheckInPatientMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly streams: SchedulingStreams,
  ) {}

  async execute({ context, appointmentId, expectedVersion }: CheckInPatientMessage): Promise<CommandOutcome<CheckInAccepted>> {
    const { timeZone } = (await this.streams.practice(context.tenantId)).profile;
    return this.pipeline.handle({
      streamId: appointmentStreamId(appointmentId),
      decider: deciders.appointment,
      context: keyed(context),
      commandType: 'scheduling.CheckInPatient',
      payload: { appointmentId },
      expectedVersion,
      decide: (state) => decideCheckInPatient({ context, appointmentId, timeZone }, state),
      respond: ({ version }) => ({ appointmentId, version: version.toString() }),
    });
  }
}
