import { Injectable } from '@nestjs/common';

import { EventConsumer, policyContext, type Consumer, type StoredEvent } from '@revcycle/event-store';

import type { AppointmentCancelled } from '../appointment/appointment.events';
import { appointmentStreamId } from '../appointment/appointment.state';
import { calendarMonthsOf } from '../provider-calendar/provider-calendar.state';
import { ReserveProviderTimeHandler } from '../provider-calendar/reserve-provider-time/reserve-provider-time.handler';
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
    private readonly calendar: ReserveProviderTimeHandler,
    private readonly streams: SchedulingStreams,
  ) {}

  async apply(stored: StoredEvent): Promise<void> {
    const { appointmentId } = (stored as unknown as AppointmentCancelled).data;
    const context = policyContext(POLICY, stored);
    const appointment = await this.streams.state(context.tenantId, appointmentStreamId(appointmentId), deciders.appointment);
    if (appointment.status === 'none') return;
    const { providerId } = appointment.appointment;
    for (const month of calendarMonthsOf(appointment.appointment)) await this.calendar.release(context, providerId, month, [appointmentId]);
  }
}
