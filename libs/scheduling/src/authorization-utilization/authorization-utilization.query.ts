import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import { Database } from '@revcycle/event-store';

export interface AuthorizationUtilizationRow {
  authorizationId: string;
  payerId: string;
  number: string;
  coveredServiceCodes: string[];
  startDate: string;
  endDate: string;
  unitsAuthorized: number;
  unitsUsed: number;
  unitsRemaining: number;
  /** Sessions booked (or completed and not yet signed) that this authorization is expected to cover. */
  unitsBooked: number;
  unitsProjectedRemaining: number;
}

export class ListAuthorizationUtilization extends Query<AuthorizationUtilizationRow[]> {
  constructor(readonly tenantId: string, readonly patientId: string) {
    super();
  }
}

/**
 * Each pending session counts against the earliest-starting authorization that covers its code and
 * date, the same one the usage policy will count it on once signed.
 */
const SQL = `
WITH auths AS (
  SELECT * FROM scheduling.authorization_utilization_v1 WHERE tenant_id = $1 AND patient_id = $2
), used AS (
  SELECT authorization_id, sum(units)::int AS units FROM scheduling.authorization_usage_v1
   WHERE tenant_id = $1 AND authorization_id IN (SELECT authorization_id FROM auths) GROUP BY authorization_id
), booked AS (
  SELECT a.authorization_id, sum(s.units)::int AS units
    FROM scheduling.authorization_pending_sessions_v1 s
    CROSS JOIN LATERAL (
      SELECT authorization_id FROM auths
       WHERE s.service_code = ANY (auths.covered_service_codes) AND s.date_of_service BETWEEN auths.start_date AND auths.end_date
       ORDER BY auths.start_date, auths.authorization_id LIMIT 1) a
   WHERE s.tenant_id = $1 AND s.patient_id = $2 AND s.pending
   GROUP BY a.authorization_id
)
SELECT auths.authorization_id, auths.payer_id, auths.number, auths.covered_service_codes,
       to_char(auths.start_date, 'YYYY-MM-DD') AS start_date, to_char(auths.end_date, 'YYYY-MM-DD') AS end_date,
       auths.units_authorized, coalesce(used.units, 0) AS units_used, coalesce(booked.units, 0) AS units_booked
  FROM auths LEFT JOIN used USING (authorization_id) LEFT JOIN booked USING (authorization_id)
 ORDER BY auths.start_date, auths.authorization_id`;

@QueryHandler(ListAuthorizationUtilization)
export class ListAuthorizationUtilizationHandler implements IQueryHandler<ListAuthorizationUtilization> {
  constructor(private readonly database: Database) {}

  async execute({ tenantId, patientId }: ListAuthorizationUtilization): Promise<AuthorizationUtilizationRow[]> {
    const { rows } = await this.database.readModels.query(SQL, [tenantId, patientId]);
    return rows.map((row) => ({
      authorizationId: row.authorization_id,
      payerId: row.payer_id,
      number: row.number,
      coveredServiceCodes: row.covered_service_codes,
      startDate: row.start_date,
      endDate: row.end_date,
      unitsAuthorized: row.units_authorized,
      unitsUsed: row.units_used,
      unitsRemaining: row.units_authorized - row.units_used,
      unitsBooked: row.units_booked,
      unitsProjectedRemaining: row.units_authorized - row.units_used - row.units_booked,
    }));
  }

  /** Booked units per authorization, for booking warnings only (advisory, never an invariant). */
  async bookedUnits(tenantId: string, patientId: string): Promise<Record<string, number>> {
    const rows = await this.execute(new ListAuthorizationUtilization(tenantId, patientId));
    return Object.fromEntries(rows.map((row) => [row.authorizationId, row.unitsBooked]));
  }
}
