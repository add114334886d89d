import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

import { Database } from '@revcycle/event-store';

import type { CodingWorklistRow } from './coding-worklist.projection';

export interface CodingWorklistFilter {
  status: 'draft' | 'approved' | 'withdrawn';
  /** Only codings with an error or warning finding of this rule id. */
  ruleId?: string;
  limit: number;
}

export interface CodingWorklistSummary {
  /** Open drafts by days waiting since they were opened (or reopened). */
  byAge: { bucket: '0-2 days' | '3-7 days' | '8-14 days' | 'over 14 days'; drafts: number }[];
  /** Open drafts per finding rule id. */
  byFinding: { ruleId: string; severity: 'error' | 'warning'; drafts: number }[];
}

/** Open drafts, oldest first: the coders' queue. */
export class ListCodingWorklistQuery extends Query<CodingWorklistRow[]> {
  constructor(readonly tenantId: string, readonly filter: CodingWorklistFilter) {
    super();
  }
}

export class SummarizeCodingWorklistQuery extends Query<CodingWorklistSummary> {
  constructor(readonly tenantId: string, readonly today: string) {
    super();
  }
}

@QueryHandler(ListCodingWorklistQuery)
export class ListCodingWorklistHandler implements IQueryHandler<ListCodingWorklistQuery> {
  constructor(private readonly database: Database) {}

  async execute({ tenantId, filter }: ListCodingWorklistQuery): Promise<CodingWorklistRow[]> {
    const { rows } = await this.database.readModels.query(
      `SELECT encounter_id AS "encounterId", status, coding_version AS "codingVersion", to_char(date_of_service, 'YYYY-MM-DD') AS "dateOfService",
              opened_at AS "openedAt", updated_at AS "updatedAt", line_count AS "lineCount", total_charge_cents::int AS "totalChargeCents",
              error_rule_ids AS "errorRuleIds", warning_rule_ids AS "warningRuleIds"
         FROM coding.coding_worklist_v1
        WHERE tenant_id = $1 AND status = $2 AND ($3::text IS NULL OR $3 = ANY(error_rule_ids) OR $3 = ANY(warning_rule_ids))
        ORDER BY opened_at, encounter_id LIMIT $4`,
      [tenantId, filter.status, filter.ruleId ?? null, filter.limit],
    );
    return rows.map((row) => ({ ...row, openedAt: new Date(row.openedAt).toISOString(), updatedAt: new Date(row.updatedAt).toISOString() }));
  }
}

@QueryHandler(SummarizeCodingWorklistQuery)
export class SummarizeCodingWorklistHandler implements IQueryHandler<SummarizeCodingWorklistQuery> {
  constructor(private readonly database: Database) {}

  async execute({ tenantId, today }: SummarizeCodingWorklistQuery): Promise<CodingWorklistSummary> {
    const pool = this.database.readModels;
    const age = await pool.query(
      `SELECT CASE WHEN $2::date - opened_at::date <= 2 THEN '0-2 days' WHEN $2::date - opened_at::date <= 7 THEN '3-7 days'
                   WHEN $2::date - opened_at::date <= 14 THEN '8-14 days' ELSE 'over 14 days' END AS bucket, count(*)::int AS drafts
         FROM coding.coding_worklist_v1 WHERE tenant_id = $1 AND status = 'draft' GROUP BY 1`,
      [tenantId, today],
    );
    const findings = await pool.query(
      `SELECT rule_id AS "ruleId", severity, count(*)::int AS drafts FROM (
         SELECT unnest(error_rule_ids) AS rule_id, 'error' AS severity FROM coding.coding_worklist_v1 WHERE tenant_id = $1 AND status = 'draft'
         UNION ALL
         SELECT unnest(warning_rule_ids), 'warning' FROM coding.coding_worklist_v1 WHERE tenant_id = $1 AND status = 'draft') f
        GROUP BY rule_id, severity ORDER BY drafts DESC, rule_id`,
      [tenantId],
    );
    const buckets = ['0-2 days', '3-7 days', '8-14 days', 'over 14 days'] as const;
    const counted = new Map(age.rows.map((row) => [row.bucket, row.drafts as number]));
    return { byAge: buckets.map((bucket) => ({ bucket, drafts: counted.get(bucket) ?? 0 })), byFinding: findings.rows };
  }
}
