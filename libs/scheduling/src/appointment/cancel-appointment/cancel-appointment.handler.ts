import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { keyed } from '../../command-keys';
import { deciders, SchedulingStreams } from '../../scheduling-streams';
import type { AppointmentEvent, CancellationReason } from '../appointment.events';
import { appointmentStreamId } from '../appointment.state';
import { decideCancelAppointment } from './cancel-appointment.command';

export type CancellationAccepted = { appointmentId: string; version: string; late: boolean; feeCents: number };

export class CancelAppointmentMessage extends Command<CommandOutcome<CancellationAccepted>> {
  constructor(
    readonly context: CommandContext,
    readonly appointmentId: string,
    readonly cancelledBy: 'patient' | 'practice',
    readonly reason: CancellationReason,
    readonly expectedVersion?: bigint,
  ) {
    super();
  }
}

/** The provider's time is released by a policy reacting to the cancellation, not here. */
@CommandHandler(CancelAppointmentMessage)
export class CancelAppointmentHandler implements ICommandHandler<CancelAppointmentMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly streams: SchedulingStreams,
  ) {}

  async execute(message: CancelAppointmentMessage): Promise<CommandOutcome<CancellationAccepted>> {
    const { context, appointmentId, cancelledBy, reason, expectedVersion } = message;
    const fee = await this.streams.missedAppointmentFeeTerms(context.tenantId, appointmentId);
    return this.pipeline.handle({
      streamId: appointmentStreamId(appointmentId),
      decider: deciders.appointment,
      context: keyed(context),
      commandType: 'scheduling.CancelAppointment',
      payload: { appointmentId, cancelledBy, reason },
      expectedVersion,
      decide: (state) => decideCancelAppointment({ context, appointmentId, cancelledBy, reason, fee }, state),
      respond: ({ version, events }) => summarize(appointmentId, version, events as AppointmentEvent[]),
    });
  }
}

/** What the front desk tells the patient: whether it was late and what it costs (0 when waived). */
function summarize(appointmentId: string, version: bigint, events: AppointmentEvent[]): CancellationAccepted {
  let late = false;
  let feeCents = 0;
  for (const e of events) {
    if (e.type === 'scheduling.AppointmentCancelled') late = e.data.late;
    if (e.type === 'scheduling.LateCancelFeeCharged') feeCents = e.data.amountCents;
  }
  return { appointmentId, version: version.toString(), late, feeCents };
}
