import { daysBetween, isWithin, localDateOf, type CommandContext, type LocalDate } from '@revcycle/kernel';

import type { GoodFaithEstimateIssued } from '../../contracts/scheduling.public-events';
import type { EstimateBasis, EstimatedService, EstimatePeriod } from '../good-faith-estimate.events';
import { GoodFaithEstimateAlreadyIssued, GoodFaithEstimateNotApplicable, InvalidGoodFaithEstimate } from '../good-faith-estimate.errors';
import { goodFaithEstimateDueBy, type GoodFaithEstimateState } from '../good-faith-estimate.state';

export interface IssueGoodFaithEstimate {
  context: CommandContext;
  estimateId: string;
  patientId: string;
  /** From the patient's coverage streams: insured patients billing their plan get no estimate. */
  payment: 'insured' | 'self_pay';
  services: EstimatedService[];
  period: EstimatePeriod;
  firstSessionOn: LocalDate;
  basis: EstimateBasis;
  /** The day the first session was scheduled or the estimate requested. */
  basisOn: LocalDate;
  timeZone: string;
}

/** Recurring services may share one estimate for up to 12 months (CMS GFE guidance, 2021). */
const MAX_PERIOD_DAYS = 365;

/**
 * Issued before the first session; after it, an estimate no longer estimates anything and is
 * refused. Issuing late but before the session is allowed and recorded (`issuedOnTime: false`), so
 * the compliance report shows it rather than the practice being unable to issue at all.
 */
export function decideIssueGoodFaithEstimate(
  command: IssueGoodFaithEstimate,
  state: GoodFaithEstimateState,
): GoodFaithEstimateIssued[] {
  const { estimateId, patientId, services, period, firstSessionOn } = command;
  const invalid = (reason: string, field: string) => new InvalidGoodFaithEstimate(estimateId, reason, field);
  if (state.status !== 'none') throw new GoodFaithEstimateAlreadyIssued(estimateId);
  if (command.payment !== 'self_pay') throw new GoodFaithEstimateNotApplicable(estimateId);
  if (services.length === 0) throw invalid('An estimate lists at least one expected service', 'services');
  services.forEach((service, index) => {
    for (const field of ['sessions', 'unitsPerSession', 'chargePerUnitCents'] as const) {
      const value = service[field];
      if (!Number.isSafeInteger(value) || value < (field === 'chargePerUnitCents' ? 0 : 1)) {
        throw invalid(`${field} must be a whole number`, `services[${index}].${field}`);
      }
    }
  });
  if (period.end < period.start || daysBetween(period.start, period.end) > MAX_PERIOD_DAYS) {
    throw invalid('The period must end after it starts and span at most 12 months', 'period');
  }
  if (!isWithin(firstSessionOn, period.start, period.end)) {
    throw invalid('The first session must fall within the period', 'firstSessionOn');
  }
  const issuedOn = localDateOf(command.context.now, command.timeZone);
  if (issuedOn > firstSessionOn) throw invalid('An estimate is issued before the first session', 'firstSessionOn');
  const lines = services.map((s) => ({ ...s, totalCents: s.sessions * s.unitsPerSession * s.chargePerUnitCents }));
  const dueBy = goodFaithEstimateDueBy(command.basis, command.basisOn, firstSessionOn);
  return [
    {
      type: 'scheduling.GoodFaithEstimateIssued',
      data: {
        estimateId,
        patientId,
        services: lines,
        totalCents: lines.reduce((sum, line) => sum + line.totalCents, 0),
        period,
        firstSessionOn,
        issuedOn,
        dueBy,
        issuedOnTime: issuedOn <= dueBy,
      },
    },
  ];
}
