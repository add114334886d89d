import type { Cents, LocalDate } from '@revcycle/kernel';

import type { GoodFaithEstimateIssued } from '../contracts/scheduling.public-events';

/** One expected service of the estimate: what, by whom, how often, at what charge. */
export interface EstimatedService {
  serviceCode: string;
  /** Plain-language name of the service shown to the patient (no diagnosis, no note text). */
  description: string;
  providerId: string;
  sessions: number;
  unitsPerSession: number;
  chargePerUnitCents: Cents;
}

/** Why the estimate is due: a session was scheduled, or the patient asked for one. */
export type EstimateBasis = 'scheduled' | 'requested';

export interface EstimatePeriod {
  start: LocalDate;
  end: LocalDate;
}

export type GoodFaithEstimateEvent = GoodFaithEstimateIssued;
