import { formatCents } from '@revcycle/kernel';
import type { Adjustment, Imbalance, RemitClaim, RemitService, Remittance } from './remittance';

const sum = (adjustments: readonly Adjustment[]): number => adjustments.reduce((t, a) => t + a.amountCents, 0);

/**
 * The 835 balancing equations (005010X221A1 section 1.10.2, x12.md §5), all in integer cents:
 * line charge − line paid = Σ line CAS; claim charge − claim paid = Σ claim and line CAS;
 * BPR02 = Σ CLP04 − Σ PLB amounts. Running sums let a streamed remittance balance without its claims.
 */
export class Balancer {
  readonly imbalances: Imbalance[] = [];
  private paidTotal = 0;

  /** Checks one service line of a claim. */
  checkService(service: RemitService, claim: RemitClaim): void {
    const adjusted = sum(service.adjustments);
    const expected = service.chargeCents - service.paidCents;
    if (adjusted !== expected) {
      this.imbalances.push({
        level: 'service',
        message:
          `claim ${claim.patientControlNumber} line ${service.procedure.code}: charge ${formatCents(service.chargeCents)} − paid ` +
          `${formatCents(service.paidCents)} = ${formatCents(expected)} but adjustments total ${formatCents(adjusted)}`,
        expectedCents: expected,
        actualCents: adjusted,
        patientControlNumber: claim.patientControlNumber,
        ...(service.position ? { position: service.position } : {}),
      });
    }
  }

  /** Checks a claim once all its lines are read, and adds its payment to the transaction total. */
  checkClaim(claim: RemitClaim): void {
    this.paidTotal += claim.paidCents;
    if (!claim.complete) return;
    const adjusted = sum(claim.adjustments) + claim.services.reduce((t, s) => t + sum(s.adjustments), 0);
    const expected = claim.chargeCents - claim.paidCents;
    if (adjusted !== expected) {
      this.imbalances.push({
        level: 'claim',
        message:
          `claim ${claim.patientControlNumber}: charge ${formatCents(claim.chargeCents)} − paid ${formatCents(claim.paidCents)} = ` +
          `${formatCents(expected)} but claim and line adjustments total ${formatCents(adjusted)}`,
        expectedCents: expected,
        actualCents: adjusted,
        patientControlNumber: claim.patientControlNumber,
        ...(claim.position ? { position: claim.position } : {}),
      });
    }
  }

  /** Checks BPR02 against the claim payments and provider-level adjustments. */
  checkTransaction(remit: Remittance): void {
    const plb = remit.providerAdjustments.reduce((t, p) => t + p.amountCents, 0);
    const expected = this.paidTotal - plb;
    if (remit.payment.amountCents !== expected) {
      this.imbalances.push({
        level: 'transaction',
        message:
          `BPR02 ${formatCents(remit.payment.amountCents)} ≠ Σ CLP04 ${formatCents(this.paidTotal)} − Σ PLB ` +
          `(${formatCents(plb)}) = ${formatCents(expected)}`,
        expectedCents: expected,
        actualCents: remit.payment.amountCents,
      });
    }
  }
}
