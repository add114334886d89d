import { ValidationFailed } from '@revcycle/kernel';

import { errorRuleIds } from '../coding-evaluation';
import { CodingAlreadyApproved, CodingAlreadyWithdrawn, CodingBlockedByFindings, CodingHasNoLines, CodingNotFound } from '../coding.errors';
import type { CodingEvent } from '../coding.events';
import type { CodingState } from '../coding.state';
import { normalizeDiagnosisCode } from '../../rules/diagnoses';

export interface ApproveCoding {
  encounterId: string;
  /** Required to approve while error findings remain; recorded on the approval. */
  overrideReason?: string;
  approvedBy: string;
  approvedAt: string;
}

/** Approval is refused while error findings remain unless overridden with a reason (issue 4). */
export function decideApproveCoding(command: ApproveCoding, state: CodingState): CodingEvent[] {
  if (state.status === 'none') throw new CodingNotFound(command.encounterId);
  if (state.status === 'approved') throw new CodingAlreadyApproved(command.encounterId, state.codingVersion);
  if (state.status === 'withdrawn') throw new CodingAlreadyWithdrawn(command.encounterId);
  const { evaluation, request, subject } = state;
  if (evaluation.lines.length === 0 || !request) throw new CodingHasNoLines(command.encounterId);
  const errors = errorRuleIds(evaluation.findings);
  const reason = command.overrideReason?.trim();
  if (command.overrideReason !== undefined && !reason) throw new ValidationFailed([{ path: 'overrideReason', message: 'must say why the findings are overridden' }]);
  if (errors.length > 0 && !reason) throw new CodingBlockedByFindings(errors);
  return [
    {
      type: 'coding.CodingApproved',
      data: {
        ...subject,
        codingVersion: state.codingVersion,
        ...(request.payerId === undefined ? {} : { payerId: request.payerId }),
        ...(request.payerKind === undefined ? {} : { payerKind: request.payerKind }),
        diagnoses: [...new Set(request.diagnoses.map(normalizeDiagnosisCode))],
        lines: evaluation.lines,
        rulesetVersion: evaluation.rulesetVersion,
        codeSetReleaseIds: evaluation.codeSetReleaseIds,
        override: errors.length > 0 && reason ? { reason, overriddenRuleIds: errors } : null,
        approvedBy: command.approvedBy,
        approvedAt: command.approvedAt,
      },
    },
  ];
}
