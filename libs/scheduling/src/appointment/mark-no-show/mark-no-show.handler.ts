import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { keyed } from '../../command-keys';
import { deciders, SchedulingStreams } from '../../scheduling-streams';
import type { AppointmentEvent } from '../appointment.events';
import { appointmentStreamId } from '../appointment.state';
import { decideMarkNoShow } from './mark-no-show.command';

export type NoShowAccepted = { appointmentId: string; version: string; feeCents: number; feeWaived: boolean };

export class MarkNoShowMessage extends Command<CommandOutcome<NoShowAccepted>> {
  constructor(readonly context: CommandContext, readonly appointmentId: string, readonly expectedVersion?: bigint) {
    super();
  }
}

@CommandHandler(MarkNoShowMessage)
export class MarkNoShowHandler implements ICommandHandler<MarkNoShowMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly streams: SchedulingStreams,
  ) {}

  async execute({ context, appointmentId, expectedVersion }: MarkNoShowMessage): Promise<CommandOutcome<NoShowAccepted>> {
    const fee = await this.streams.missedAppointmentFeeTerms(context.tenantId, appointmentId);
    return this.pipeline.handle({
      streamId: appointmentStreamId(appointmentId),
      decider: deciders.appointment,
      context: keyed(context),
      commandType: 'scheduling.MarkNoShow',
      payload: { appointmentId },
      expectedVersion,
      decide: (state) => decideMarkNoShow({ context, appointmentId, fee }, state),
      respond: ({ version, events }) => summarize(appointmentId, version, events as AppointmentEvent[]),
    });
  }
}

function summarize(appointmentId: string, version: bigint, events: AppointmentEvent[]): NoShowAccepted {
  let feeCents = 0;
  let feeWaived = false;
  for (const e of events) {
    if (e.type === 'scheduling.NoShowFeeCharged') feeCents = e.data.amountCents;
    if (e.type === 'scheduling.MissedAppointmentFeeWaived') feeWaived = true;
  }
  return { appointmentId, version: version.toString(), feeCents, feeWaived };
}
