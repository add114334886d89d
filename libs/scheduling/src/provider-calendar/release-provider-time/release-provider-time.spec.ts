import { PROVIDER_ID, schedulingContext } from '@revcycle/scheduling/testing';

import type { ProviderCalendarEvent } from '../provider-calendar.events';
import { evolveProviderCalendar, initialProviderCalendarState } from '../provider-calendar.state';
import { decideReserveProviderTime } from '../reserve-provider-time/reserve-provider-time.command';
import { decideReleaseProviderTime } from './release-provider-time.command';

const context = schedulingContext();
const slot = { appointmentId: 'appt-a', start: '2025-03-04T14:00:00Z', end: '2025-03-04T14:53:00Z' };
const given = (events: ProviderCalendarEvent[]) => events.reduce(evolveProviderCalendar, initialProviderCalendarState);
const reserved = decideReserveProviderTime({ context, providerId: PROVIDER_ID, slots: [slot] }, given([]));

describe('ReleaseProviderTime', () => {
  it('frees a cancelled appointment’s time so another booking can take it', () => {
    const released = decideReleaseProviderTime({ context, providerId: PROVIDER_ID, appointmentId: 'appt-a' }, given(reserved));
    expect(released).toEqual([{ type: 'scheduling.ProviderTimeReleased', data: { providerId: PROVIDER_ID, appointmentId: 'appt-a' } }]);
    const other = { ...slot, appointmentId: 'appt-b' };
    expect(() => decideReserveProviderTime({ context, providerId: PROVIDER_ID, slots: [other] }, given(reserved))).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.PROVIDER_ALREADY_BOOKED' }),
    );
    expect(decideReserveProviderTime({ context, providerId: PROVIDER_ID, slots: [other] }, given([...reserved, ...released]))).toHaveLength(1);
  });

  it('writes nothing when the time is not held (redelivery, or a booking that never held it)', () => {
    const released = decideReleaseProviderTime({ context, providerId: PROVIDER_ID, appointmentId: 'appt-a' }, given(reserved));
    expect(decideReleaseProviderTime({ context, providerId: PROVIDER_ID, appointmentId: 'appt-a' }, given([...reserved, ...released]))).toEqual([]);
    expect(decideReleaseProviderTime({ context, providerId: PROVIDER_ID, appointmentId: 'appt-x' }, given([]))).toEqual([]);
  });
});
