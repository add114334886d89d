import { PROVIDER_ID, providerEnrollment, schedulingContext } from '@revcycle/scheduling/testing';

import type { ProviderEnrollment } from '../provider.events';
import { evolveProvider, initialProviderState, isProviderActiveOn } from '../provider.state';
import { decideEnrollProvider } from './enroll-provider.command';

const enroll = (e: ProviderEnrollment, state = initialProviderState) => decideEnrollProvider({ context: schedulingContext(), enrollment: e }, state);

describe('EnrollProvider', () => {
  it('enrolls a provider with a valid NPI and is active from its start date', () => {
    const state = enroll(providerEnrollment()).reduce(evolveProvider, initialProviderState);
    expect(isProviderActiveOn(state, '2025-01-01')).toBe(true);
    expect(isProviderActiveOn(state, '2024-12-31')).toBe(false);
  });

  it('refuses an NPI whose check digit fails', () => {
    expect(() => enroll(providerEnrollment({ npi: '1234567890' }))).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.INVALID_NPI', details: { field: 'npi' } }),
    );
  });

  it('refuses a trainee without a supervising provider', () => {
    expect(() => enroll(providerEnrollment({ credential: 'trainee' }))).toThrow(expect.objectContaining({ code: 'SCHEDULING.INVALID_SUPERVISION' }));
  });

  it('refuses a provider who supervises themselves', () => {
    expect(() => enroll(providerEnrollment({ supervisingProviderId: PROVIDER_ID }))).toThrow(expect.objectContaining({ code: 'SCHEDULING.INVALID_SUPERVISION' }));
  });

  it('refuses enrolling the same provider twice', () => {
    const state = enroll(providerEnrollment()).reduce(evolveProvider, initialProviderState);
    expect(() => enroll(providerEnrollment(), state)).toThrow(expect.objectContaining({ code: 'SCHEDULING.PROVIDER_ALREADY_ENROLLED' }));
  });
});
