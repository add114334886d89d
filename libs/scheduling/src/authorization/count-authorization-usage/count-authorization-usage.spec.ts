import { AUTHORIZATION_ID, authorizationRecorded, givenAuthorization, schedulingContext } from '@revcycle/scheduling/testing';

import type { AuthorizationEvent } from '../authorization.events';
import { authorizationUtilization } from '../authorization.state';
import { decideReverseAuthorizationUsage } from '../reverse-authorization-usage/reverse-authorization-usage.command';
import { decideCountAuthorizationUsage, type CountAuthorizationUsage } from './count-authorization-usage.command';

const count = (encounterId: string, overrides: Partial<CountAuthorizationUsage> = {}): CountAuthorizationUsage => ({
  context: schedulingContext(),
  authorizationId: AUTHORIZATION_ID,
  encounterId,
  serviceCode: '90837',
  dateOfService: '2025-02-10',
  units: 1,
  ...overrides,
});

describe('CountAuthorizationUsage', () => {
  it('counts a signed encounter and updates remaining and projected usage', () => {
    const history = [authorizationRecorded({ unitsAuthorized: 3 })];
    const events = decideCountAuthorizationUsage(count('enc-1'), givenAuthorization(history));
    expect(events[0].type).toBe('scheduling.AuthorizationUsageCounted');
    const state = givenAuthorization([...history, ...events]);
    if (state.status !== 'open') throw new Error('authorization expected');
    expect(authorizationUtilization(state, 1)).toEqual({ unitsAuthorized: 3, unitsUsed: 1, unitsRemaining: 2, unitsProjected: 2, unitsProjectedRemaining: 1 });
  });

  it('writes nothing when the same encounter is counted again', () => {
    const history = [authorizationRecorded()];
    const first = decideCountAuthorizationUsage(count('enc-1'), givenAuthorization(history));
    expect(decideCountAuthorizationUsage(count('enc-1'), givenAuthorization([...history, ...first]))).toEqual([]);
  });

  it.each([
    ['code_not_covered', { serviceCode: '90791' }],
    ['outside_dates', { dateOfService: '2025-04-01' }],
    ['exhausted', { units: 13 }],
  ])('records a refusal (%s) rather than counting', (reason, overrides) => {
    const [event] = decideCountAuthorizationUsage(count('enc-1', overrides), givenAuthorization([authorizationRecorded()]));
    expect(event).toMatchObject({ type: 'scheduling.AuthorizationUsageRefused', data: { reason, unitsRemaining: 12 } });
  });

  it('never counts beyond the units when two signings race for the last unit', () => {
    const stream: AuthorizationEvent[] = [authorizationRecorded({ unitsAuthorized: 1 })];
    const append = (expectedVersion: number, events: AuthorizationEvent[]) => {
      if (stream.length !== expectedVersion) return false;
      stream.push(...events);
      return true;
    };
    const read = stream.length;
    expect(append(read, decideCountAuthorizationUsage(count('enc-a'), givenAuthorization(stream)))).toBe(true);
    expect(append(read, decideCountAuthorizationUsage(count('enc-b'), givenAuthorization(stream)))).toBe(false);
    const retried = decideCountAuthorizationUsage(count('enc-b'), givenAuthorization(stream));
    expect(retried[0]).toMatchObject({ type: 'scheduling.AuthorizationUsageRefused', data: { reason: 'exhausted' } });
    expect(append(stream.length, retried)).toBe(true);
    expect(givenAuthorization(stream)).toMatchObject({ unitsUsed: 1 });
  });

  it('returns the units of a voided encounter to the authorization, once', () => {
    const history = [authorizationRecorded(), ...decideCountAuthorizationUsage(count('enc-1', { units: 2 }), givenAuthorization([authorizationRecorded()]))];
    const reverse = { context: schedulingContext(), authorizationId: AUTHORIZATION_ID, encounterId: 'enc-1' };
    const reversed = decideReverseAuthorizationUsage(reverse, givenAuthorization(history));
    expect(reversed[0].data.units).toBe(2);
    expect(givenAuthorization([...history, ...reversed])).toMatchObject({ unitsUsed: 0 });
    expect(decideReverseAuthorizationUsage(reverse, givenAuthorization([...history, ...reversed]))).toEqual([]);
  });
});
