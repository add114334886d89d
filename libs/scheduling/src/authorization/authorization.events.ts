import type { DomainEvent } from '@revcycle/event-store';
import type { LocalDate } from '@revcycle/kernel';

/** A payer's prior authorization: missing or lapsed ones are the top behavioral-health denial (CO-197). */
export interface AuthorizationTerms {
  authorizationId: string;
  patientId: string;
  payerId: string;
  number: string;
  coveredServiceCodes: string[];
  unitsAuthorized: number;
  startDate: LocalDate;
  endDate: LocalDate;
}

export interface AuthorizationUsage {
  authorizationId: string;
  encounterId: string;
  serviceCode: string;
  dateOfService: LocalDate;
  units: number;
}

export type AuthorizationRefusalReason = 'exhausted' | 'outside_dates' | 'code_not_covered';

export type AuthorizationRecorded = DomainEvent<'scheduling.AuthorizationRecorded', AuthorizationTerms>;
export type AuthorizationUsageCounted = DomainEvent<'scheduling.AuthorizationUsageCounted', AuthorizationUsage>;
/** The world said no: the signed service is not covered by this authorization (recorded, not thrown). */
export type AuthorizationUsageRefused = DomainEvent<
  'scheduling.AuthorizationUsageRefused',
  AuthorizationUsage & { reason: AuthorizationRefusalReason; unitsRemaining: number }
>;
export type AuthorizationUsageReversed = DomainEvent<
  'scheduling.AuthorizationUsageReversed',
  { authorizationId: string; encounterId: string; units: number }
>;

export type AuthorizationEvent =
  | AuthorizationRecorded
  | AuthorizationUsageCounted
  | AuthorizationUsageRefused
  | AuthorizationUsageReversed;
