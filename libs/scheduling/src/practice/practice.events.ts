import type { DomainEvent } from '@revcycle/event-store';
import type { Cents } from '@revcycle/kernel';

/** A US postal address as it appears on claims (837P loop 2010AA N3/N4) and statements. */
export interface PostalAddress {
  line1: string;
  line2: string | null;
  city: string;
  state: string;
  postalCode: string;
}

/** Where sessions happen; the default place of service feeds the claim (CMS POS code set). */
export interface ServiceLocation {
  locationId: string;
  name: string;
  address: PostalAddress;
  defaultPlaceOfService: string;
}

/**
 * The practice's own rules for the front desk. Fee amounts are what the practice charges when
 * the payer allows it; eligibility older than `eligibilityMaxAgeDays` makes booking warn.
 */
export interface PracticePolicies {
  lateCancelWindowHours: number;
  lateCancelFeeCents: Cents;
  noShowFeeCents: Cents;
  eligibilityMaxAgeDays: number;
}

export interface PracticeProfile {
  tenantId: string;
  legalName: string;
  taxId: string;
  groupNpi: string;
  billingAddress: PostalAddress;
  taxonomyCode: string;
  timeZone: string;
}

export type PracticeRegistered = DomainEvent<'scheduling.PracticeRegistered', PracticeProfile>;
export type ServiceLocationAdded = DomainEvent<'scheduling.ServiceLocationAdded', ServiceLocation>;
export type PracticePoliciesSet = DomainEvent<'scheduling.PracticePoliciesSet', PracticePolicies>;

export type PracticeEvent = PracticeRegistered | ServiceLocationAdded | PracticePoliciesSet;
