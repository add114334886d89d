import { Injectable } from '@nestjs/common';

import { CommandPipeline, EventConsumer, policyContext, type Consumer, type StoredEvent } from '@revcycle/event-store';

import type { AppointmentCancelled } from '../appointment/appointment.events';
import { appointmentStreamId } from '../appointment/appointment.state';
import { decideReleaseProviderTime } from '../provider-calendar/release-provider-time/release-provider-time.command';
import { providerCalendarStreamId } from '../provider-calendar/provider-calendar.state';
import { deciders, SchedulingStreams } from '../scheduling-streams';

const POLICY = 'release-provider-time-when-appointment-cancelled';

/** A cancelled session gives its time back to the provider's calendar so it can be booked again. */
@Injectable()
@EventConsumer()
export class ReleaseProviderTimeWhenAppointmentCancelled implements Consumer {
  readonly name = `scheduling.${POLICY}`;
  readonly version = 1;
  readonly handles = ['scheduling.AppointmentCancelled'];

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly streams: SchedulingStreams,
  ) {}

  async apply(stored: StoredEvent): Promise<void> {
    const { appointmentId } = (stored as unknown as AppointmentCancelled).data;
    const context = policyContext(POLICY, stored);
    const appointment = await this.streams.state(context.tenantId, appointmentStreamId(appointmentId), deciders.appointment);
    if (appointment.status === 'none') return;
    const { providerId } = appointment.appointment;
    await this.pipeline.handle({
      streamId: providerCalendarStreamId(providerId),
      decider: deciders.providerCalendar,
      context,
      commandType: 'scheduling.ReleaseProviderTime',
      payload: { providerId, appointmentId },
      decide: (state) => decideReleaseProviderTime({ context, providerId, appointmentId }, state),
      respond: ({ version }) => ({ providerId, version: version.toString() }),
    });
  }
}
