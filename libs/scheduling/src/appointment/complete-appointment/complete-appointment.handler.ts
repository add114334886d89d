import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { keyed } from '../../command-keys';
import { deciders } from '../../scheduling-streams';
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
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, appointmentId, expectedVersion }: CompleteAppointmentMessage): Promise<CommandOutcome<{ appointmentId: string; version: string }>> {
    return this.pipeline.handle({
      streamId: appointmentStreamId(appointmentId),
      decider: deciders.appointment,
      context: keyed(context),
      commandType: 'scheduling.CompleteAppointment',
      payload: { appointmentId },
      expectedVersion,
      decide: (state) => decideCompleteAppointment({ context, appointmentId }, state),
      respond: ({ version }) => ({ appointmentId, version: version.toString() }),
    });
  }
}
