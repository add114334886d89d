import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { keyed } from '../../command-keys';
import { patientStreamId } from '../../patient/patient.state';
import { deciders, SchedulingStreams } from '../../scheduling-streams';
import { appointmentStreamId } from '../appointment.state';
import { decideCompleteAppointment } from './complete-appointment.command';

export class CompleteAppointmentMessage extends Command<CommandOutcome<{ appointmentId: string; version: string }>> {
  constructor(
    readonly context: CommandContext,
    readonly appointmentId: string,
    readonly expectedVersion?: bigint,
  ) {
    super();
  }
}

@CommandHandler(CompleteAppointmentMessage)
export class CompleteAppointmentHandler implements ICommandHandler<CompleteAppointmentMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly streams: SchedulingStreams,
  ) {}

  async execute({ context, appointmentId, expectedVersion }: CompleteAppointmentMessage): Promise<CommandOutcome<{ appointmentId: string; version: string }>> {
    const appointment = await this.streams.state(context.tenantId, appointmentStreamId(appointmentId), deciders.appointment);
    const patient = appointment.status === 'none' ? null : await this.streams.state(context.tenantId, patientStreamId(appointment.appointment.patientId), deciders.patient);
    const part2 = patient?.status === 'registered' && patient.part2 ? { sourceProgramId: patient.part2.sourceProgramId } : null;
    return this.pipeline.handle({
      streamId: appointmentStreamId(appointmentId),
      decider: deciders.appointment,
      context: keyed(context),
      commandType: 'scheduling.CompleteAppointment',
      payload: { appointmentId },
      expectedVersion,
      decide: (state) => decideCompleteAppointment({ context, appointmentId, part2 }, state),
      respond: ({ version }) => ({ appointmentId, version: version.toString() }),
    });
  }
}
