import { PROVIDER_ID, providerEnrollment, schedulingContext } from '@revcycle/scheduling/testing';

import type { ProviderEvent } from '../provider.events';
import { evolveProvider, initialProviderState, type ProviderState } from '../provider.state';
import { decideLinkProviderUser } from './link-provider-user.command';

const enrolled: ProviderEvent = { type: 'scheduling.ProviderEnrolled', data: providerEnrollment() };
const given = (events: ProviderEvent[]): ProviderState => events.reduce(evolveProvider, initialProviderState);
const link = (userId: string, state: ProviderState) => decideLinkProviderUser({ context: schedulingContext(), providerId: PROVIDER_ID, userId }, state);

describe('LinkProviderUser', () => {
  it('given an enrolled provider, when a user is linked, then the provider acts through that user', () => {
    const events = link('clinician-7', given([enrolled]));
    expect(events).toEqual([{ type: 'scheduling.ProviderUserLinked', data: { providerId: PROVIDER_ID, userId: 'clinician-7' } }]);
    expect(given([enrolled, ...events])).toMatchObject({ status: 'enrolled', userId: 'clinician-7' });
  });

  it('given the same user already linked, when linked again, then nothing is written', () => {
    const linked = given([enrolled, ...link('clinician-7', given([enrolled]))]);
    expect(link('clinician-7', linked)).toEqual([]);
  });

  it('given a linked user, when another account is linked, then it replaces the first', () => {
    const first = link('clinician-7', given([enrolled]));
    const second = link('clinician-8', given([enrolled, ...first]));
    expect(given([enrolled, ...first, ...second])).toMatchObject({ userId: 'clinician-8' });
  });

  it('given no such provider, when a user is linked, then it is refused', () => {
    expect(() => link('clinician-7', initialProviderState)).toThrow(expect.objectContaining({ code: 'SCHEDULING.PROVIDER_NOT_FOUND' }));
  });
});
