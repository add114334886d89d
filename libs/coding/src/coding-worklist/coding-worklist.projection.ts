import { Injectable } from '@nestjs/common';

import { EventConsumer, type Consumer, type SqlConnection, type StoredEvent } from '@revcycle/event-store';

import type { CodingEvaluation, CodingEvent } from '../coding/coding.events';

/** A worklist row: where a coding stands and what blocks it; ids and rule ids only. */
export interface CodingWorklistRow {
  encounterId: string;
  status: 'draft' | 'approved' | 'withdrawn';
  codingVersion: number;
  dateOfService: string;
  openedAt: string;
  updatedAt: string;
  lineCount: number;
  totalChargeCents: number | null;
  errorRuleIds: string[];
  warningRuleIds: string[];
}

const ruleIds = (evaluation: CodingEvaluation, severity: 'error' | 'warning') =>
  [...new Set(evaluation.findings.filter((item) => item.severity === severity).map((item) => item.ruleId))].sort();

function withEvaluation(row: CodingWorklistRow, evaluation: CodingEvaluation): CodingWorklistRow {
  const { lines } = evaluation;
  const priced = lines.length > 0 && lines.every((line) => line.chargeCents !== undefined);
  return {
    ...row,
    lineCount: lines.length,
    totalChargeCents: priced ? lines.reduce((sum, line) => sum + (line.chargeCents ?? 0), 0) : null,
    errorRuleIds: ruleIds(evaluation, 'error'),
    warningRuleIds: ruleIds(evaluation, 'warning'),
  };
}

/** The pure half: the row after one coding event (house style P4). */
export function evolveCodingWorklistRow(row: CodingWorklistRow | undefined, event: CodingEvent, recordedAt: string): CodingWorklistRow | undefined {
  if (event.type === 'coding.CodingDraftOpened') {
    const { encounterId, codingVersion, dateOfService, openedAt } = event.data;
    const empty: CodingWorklistRow = { encounterId, status: 'draft', codingVersion, dateOfService, openedAt, updatedAt: recordedAt, lineCount: 0, totalChargeCents: null, errorRuleIds: [], warningRuleIds: [] };
    return withEvaluation(empty, event.data);
  }
  if (!row) return row;
  const touched = { ...row, updatedAt: recordedAt };
  switch (event.type) {
    case 'coding.CodingDraftRevised':
      return withEvaluation({ ...touched, dateOfService: event.data.dateOfService }, event.data);
    case 'coding.CodingReopened':
      // A reopened coding waits from the moment it was reopened, not from the first signing.
      return withEvaluation({ ...touched, status: 'draft', codingVersion: event.data.codingVersion, dateOfService: event.data.dateOfService, openedAt: event.data.reopenedAt }, event.data);
    case 'coding.CodingDraftRefreshed':
      return withEvaluation(touched, event.data);
    case 'coding.CodedLineChanged':
      return withEvaluation(touched, event.data.evaluation);
    case 'coding.CodingApproved':
      return { ...touched, status: 'approved' };
    case 'coding.CodingWithdrawn':
      return { ...touched, status: 'withdrawn' };
  }
}

@Injectable()
@EventConsumer()
export class CodingWorklistProjection implements Consumer {
  readonly name = 'coding.coding-worklist';
  readonly version = 1;
  readonly handles = ['coding.CodingDraftOpened', 'coding.CodingDraftRevised', 'coding.CodingReopened', 'coding.CodingDraftRefreshed', 'coding.CodedLineChanged', 'coding.CodingApproved', 'coding.CodingWithdrawn'];

  async apply(event: StoredEvent, tx: SqlConnection): Promise<void> {
    const tenantId = event.metadata.tenantId;
    const encounterId = (event.data as { encounterId: string }).encounterId;
    const { rows } = await tx.query(
      `SELECT encounter_id, status, coding_version, to_char(date_of_service, 'YYYY-MM-DD') AS date_of_service, opened_at, updated_at,
              line_count, total_charge_cents, error_rule_ids, warning_rule_ids, stream_position
         FROM coding.coding_worklist_v1 WHERE tenant_id = $1 AND encounter_id = $2 FOR UPDATE`,
      [tenantId, encounterId],
    );
    const held = rows[0];
    // Replaying an event the row already reflects changes nothing.
    if (held && BigInt(held.stream_position) >= event.streamPosition) return;
    const current: CodingWorklistRow | undefined = held && {
      encounterId: held.encounter_id,
      status: held.status,
      codingVersion: held.coding_version,
      dateOfService: held.date_of_service,
      openedAt: new Date(held.opened_at).toISOString(),
      updatedAt: new Date(held.updated_at).toISOString(),
      lineCount: held.line_count,
      totalChargeCents: held.total_charge_cents === null ? null : Number(held.total_charge_cents),
      errorRuleIds: held.error_rule_ids,
      warningRuleIds: held.warning_rule_ids,
    };
    const next = evolveCodingWorklistRow(current, event as unknown as CodingEvent, event.metadata.occurredAt);
    if (!next) return;
    await tx.query(
      `INSERT INTO coding.coding_worklist_v1 (tenant_id, encounter_id, status, coding_version, date_of_service, opened_at, updated_at,
              line_count, total_charge_cents, error_rule_ids, warning_rule_ids, stream_position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (tenant_id, encounter_id) DO UPDATE SET status = EXCLUDED.status, coding_version = EXCLUDED.coding_version,
              date_of_service = EXCLUDED.date_of_service, opened_at = EXCLUDED.opened_at, updated_at = EXCLUDED.updated_at,
              line_count = EXCLUDED.line_count, total_charge_cents = EXCLUDED.total_charge_cents, error_rule_ids = EXCLUDED.error_rule_ids,
              warning_rule_ids = EXCLUDED.warning_rule_ids, stream_position = EXCLUDED.stream_position`,
      [tenantId, next.encounterId, next.status, next.codingVersion, next.dateOfService, next.openedAt, next.updatedAt, next.lineCount,
        next.totalChargeCents, next.errorRuleIds, next.warningRuleIds, event.streamPosition.toString()],
    );
  }

  async reset(tx: SqlConnection): Promise<void> {
    await tx.query('DELETE FROM coding.coding_worklist_v1');
  }
}
