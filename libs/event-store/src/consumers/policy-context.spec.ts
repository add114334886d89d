import type { StoredEvent } from '../envelope';
import { policyContext } from './policy-context';

const event = (eventId: string): StoredEvent => ({
  eventId,
  type: 'scheduling.AppointmentCompleted',
  schemaVersion: 1,
  data: {},
  metadata: { tenantId: 'practice-a', actor: { id: 'u1', role: 'front_desk' }, correlationId: 'corr-1', occurredAt: '2026-03-04T15:00:00.000Z' },
  streamId: 'appointment-1',
  streamPosition: 3n,
  recordedAt: new Date('2026-03-04T15:00:01Z'),
  globalPosition: 9n,
  checkpoint: 'pg:00000000000000000001:0000000000000000009',
});

describe('policy command context', () => {
  it('keeps tenant and correlation, is caused by the event and reads the event clock', () => {
    expect(policyContext('open-encounter', event('e-1'))).toEqual({
      tenantId: 'practice-a',
      actor: { id: 'policy:open-encounter', role: 'system' },
      correlationId: 'corr-1',
      causationId: 'e-1',
      commandId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      now: new Date('2026-03-04T15:00:00.000Z'),
    });
  });

  it('derives one command id per policy and event, so a redelivery is recognised', () => {
    expect(policyContext('a', event('e-1')).commandId).toBe(policyContext('a', event('e-1')).commandId);
    expect(policyContext('a', event('e-1')).commandId).not.toBe(policyContext('a', event('e-2')).commandId);
    expect(policyContext('a', event('e-1')).commandId).not.toBe(policyContext('b', event('e-1')).commandId);
  });
});
