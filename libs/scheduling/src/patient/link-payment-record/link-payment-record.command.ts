import type { CommandContext } from '@revcycle/kernel';

import type { PaymentRecordKind, PaymentRecordLinked } from '../patient.events';
import { PatientNotFound } from '../patient.errors';
import type { PatientState } from '../patient.state';

export interface LinkPaymentRecord {
  context: CommandContext;
  patientId: string;
  kind: PaymentRecordKind;
  recordId: string;
}

/**
 * Written before the coverage or authorization stream itself, so a record never exists without
 * its patient; linking the same record again writes nothing (a retried registration).
 */
export function decideLinkPaymentRecord(command: LinkPaymentRecord, state: PatientState): PaymentRecordLinked[] {
  const { patientId, kind, recordId } = command;
  if (state.status !== 'registered') throw new PatientNotFound(patientId);
  const linked = kind === 'coverage' ? state.coverageIds : state.authorizationIds;
  if (linked.includes(recordId)) return [];
  return [{ type: 'scheduling.PaymentRecordLinked', data: { patientId, kind, recordId } }];
}
