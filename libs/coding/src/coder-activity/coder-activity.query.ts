import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

import { Database } from '@revcycle/event-store';

export interface CoderActivitySummary {
  actorId: string;
  lineChanges: number;
  approvals: number;
  overrides: number;
  encounters: number;
}

/** What each coder did between two dates (inclusive, UTC). */
export class ListCoderActivityQuery extends Query<CoderActivitySummary[]> {
  constructor(readonly tenantId: string, readonly from: string, readonly to: string) {
    super();
  }
}

@QueryHandler(ListCoderActivityQuery)
export class ListCoderActivityHandler implements IQueryHandler<ListCoderActivityQuery> {
  constructor(private readonly database: Database) {}

  async execute({ tenantId, from, to }: ListCoderActivityQuery): Promise<CoderActivitySummary[]> {
    const { rows } = await this.database.readModels.query(
      `SELECT actor_id AS "actorId",
              count(*) FILTER (WHERE activity = 'line_changed')::int AS "lineChanges",
              count(*) FILTER (WHERE activity <> 'line_changed')::int AS approvals,
              count(*) FILTER (WHERE activity = 'approved_with_override')::int AS overrides,
              count(DISTINCT encounter_id)::int AS encounters
         FROM coding.coder_activity_v1
        WHERE tenant_id = $1 AND occurred_at >= $2::date AND occurred_at < $3::date + 1
        GROUP BY actor_id ORDER BY actor_id`,
      [tenantId, from, to],
    );
    return rows;
  }
}
