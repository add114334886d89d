import type { ProviderEnrollment } from '../src/provider/provider.events';
import { PROVIDER_ID } from './appointment.builders';

/** An LCSW active from 2025 with a valid NPI, no supervisor. */
export function providerEnrollment(overrides: Partial<ProviderEnrollment> = {}): ProviderEnrollment {
  return {
    providerId: PROVIDER_ID,
    npi: '1234567893',
    displayName: 'Synthetic Clinician',
    taxonomyCode: '1041C0700X',
    credential: 'LCSW',
    supervisingProviderId: null,
    activeFrom: '2025-01-01',
    activeTo: null,
    ...overrides,
  };
}
