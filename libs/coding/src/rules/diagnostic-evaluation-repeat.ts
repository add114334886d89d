import { LocalDate } from '@revcycle/kernel';

import { CodingFinding, finding } from './coding-finding';
import { PayerRule } from './payer-rules';

/** Calendar months later, the day clamped to the month's end (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/**
 * 90791/90792 are reported once at the onset of treatment and repeated only after an extended break,
 * whose length is payer policy (BCBS Illinois: six months) [CR6]. The coding context calls this with the
 * client's last evaluation date, which the stateless evaluation does not know.
 */
export function checkDiagnosticEvaluationRepeat(rule: PayerRule, lastEvaluationOn: LocalDate, dateOfService: LocalDate): CodingFinding[] {
  const { allowed, afterMonths } = rule.diagnosticEvaluationRepeat;
  if (!allowed) {
    const message = `This payer pays one diagnostic evaluation per course of treatment; one was billed on ${lastEvaluationOn}.`;
    return [finding('error', 'CODING.DIAGNOSTIC_EVALUATION.REPEAT_NOT_ALLOWED', message, 'CR6', 'PAYER')];
  }
  const earliest = addMonths(lastEvaluationOn, afterMonths ?? 0);
  if (dateOfService >= earliest) return [];
  const message = `A repeat diagnostic evaluation is payable from ${earliest} (last one ${lastEvaluationOn}, payer requires ${afterMonths} months).`;
  return [finding('error', 'CODING.DIAGNOSTIC_EVALUATION.REPEAT_TOO_SOON', message, 'CR6', 'PAYER')];
}
