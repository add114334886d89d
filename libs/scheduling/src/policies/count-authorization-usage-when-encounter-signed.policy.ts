import { Injectable } from '@nestjs/common';

import { CommandPipeline, EventConsumer, policyContext, type Consumer, type SqlConnection, type StoredEvent } from '@revcycle/event-store';
import type { EncounterSigned, EncounterVoided } from '@revcycle/encounters';

import { appointmentStreamId } from '../appointment/appointment.state';
import { authorizationForService, authorizationStreamId } from '../authorization/authorization.state';
import { decideCountAuthorizationUsage } from '../authorization/count-authorization-usage/count-authorization-usage.command';
import { decideReverseAuthorizationUsage } from '../authorization/reverse-authorization-usage/reverse-authorization-usage.command';
import { patientStreamId } from '../patient/patient.state';
import { deciders, SchedulingStreams } from '../scheduling-streams';

const POLICY = 'count-authorization-usage-when-encounter-signed';

/**
 * Authorization usage is counted when the clinician signs (billable facts fixed), on the
 * authorization's own stream, so concurrent signings can never over-count. The planned code and
 * units come from the appointment; an unscheduled encounter has no planned code and is left to coding.
 * Voiding a signed encounter returns its units.
 */
@Injectable()
@EventConsumer()
export class CountAuthorizationUsageWhenEncounterSigned implements Consumer {
  readonly name = `scheduling.${POLICY}`;
  readonly version = 1;
  readonly handles = ['encounters.EncounterSigned', 'encounters.EncounterVoided'];

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly streams: SchedulingStreams,
  ) {}

  async apply(stored: StoredEvent, tx: SqlConnection): Promise<void> {
    const event = stored as unknown as EncounterSigned | EncounterVoided;
    if (event.type === 'encounters.EncounterSigned') return this.count(stored, event, tx);
    if (!event.data.wasSigned) return;
    const context = policyContext(POLICY, stored);
    const { rows } = await tx.query(
      'SELECT authorization_id FROM scheduling.authorization_usage_encounters_v1 WHERE tenant_id = $1 AND encounter_id = $2',
      [context.tenantId, event.data.encounterId],
    );
    if (rows.length === 0) return;
    const authorizationId: string = rows[0].authorization_id;
    const { encounterId } = event.data;
    await this.pipeline.handle({
      streamId: authorizationStreamId(authorizationId),
      decider: deciders.authorization,
      context,
      commandType: 'scheduling.ReverseAuthorizationUsage',
      payload: { authorizationId, encounterId },
      decide: (state) => decideReverseAuthorizationUsage({ context, authorizationId, encounterId }, state),
      respond: ({ version }) => ({ authorizationId, version: version.toString() }),
    });
  }

  private async count(stored: StoredEvent, signed: EncounterSigned, tx: SqlConnection): Promise<void> {
    const { encounterId, appointmentId, patientId, facts } = signed.data;
    if (appointmentId === null) return;
    const context = policyContext(POLICY, stored);
    const { tenantId } = context;
    const [appointment, patient] = await Promise.all([
      this.streams.state(tenantId, appointmentStreamId(appointmentId), deciders.appointment),
      this.streams.state(tenantId, patientStreamId(patientId), deciders.patient),
    ]);
    if (appointment.status === 'none' || patient.status !== 'registered') return;
    const authorizations = await Promise.all(
      patient.authorizationIds.map((id) => this.streams.state(tenantId, authorizationStreamId(id), deciders.authorization)),
    );
    const usage = { encounterId, serviceCode: appointment.appointment.serviceCode, dateOfService: facts.dateOfService, units: appointment.appointment.plannedUnits };
    const authorizationId = authorizationForService(authorizations, usage);
    if (authorizationId === null) return;
    await this.pipeline.handle({
      streamId: authorizationStreamId(authorizationId),
      decider: deciders.authorization,
      context,
      commandType: 'scheduling.CountAuthorizationUsage',
      payload: { authorizationId, ...usage },
      decide: (state) => decideCountAuthorizationUsage({ context, authorizationId, ...usage }, state),
      respond: ({ version }) => ({ authorizationId, version: version.toString() }),
    });
    await tx.query(
      `INSERT INTO scheduling.authorization_usage_encounters_v1 (tenant_id, encounter_id, authorization_id)
       VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [tenantId, encounterId, authorizationId],
    );
  }

  async reset(tx: SqlConnection): Promise<void> {
    await tx.query('DELETE FROM scheduling.authorization_usage_encounters_v1');
  }
}
