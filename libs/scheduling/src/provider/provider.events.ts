import type { DomainEvent } from '@revcycle/event-store';
import type { LocalDate } from '@revcycle/kernel';

/**
 * Behavioral-health credentials the claims context maps to rendering-provider rules and
 * credential modifiers (HO/HN/AH/AJ… per payer). `trainee` covers pre-licensed clinicians,
 * who bill under a supervising provider.
 */
export const PROVIDER_CREDENTIALS = [
  'MD',
  'DO',
  'NP',
  'PA',
  'PhD',
  'PsyD',
  'LCSW',
  'LPC',
  'LMHC',
  'LMFT',
  'trainee',
] as const;
export type ProviderCredential = (typeof PROVIDER_CREDENTIALS)[number];

export interface ProviderEnrollment {
  providerId: string;
  npi: string;
  displayName: string;
  taxonomyCode: string;
  credential: ProviderCredential;
  supervisingProviderId: string | null;
  activeFrom: LocalDate;
  activeTo: LocalDate | null;
}

export type ProviderEnrolled = DomainEvent<'scheduling.ProviderEnrolled', ProviderEnrollment>;
export type ProviderEnrollmentEnded = DomainEvent<
  'scheduling.ProviderEnrollmentEnded',
  { providerId: string; activeTo: LocalDate }
>;

/**
 * The user account (token subject) that acts as this provider: signing and amending encounters as
 * a provider requires being that provider's user. Staff identities, not PHI.
 */
export type ProviderUserLinked = DomainEvent<'scheduling.ProviderUserLinked', { providerId: string; userId: string }>;

export type ProviderEvent = ProviderEnrolled | ProviderEnrollmentEnded | ProviderUserLinked;
