import { Injectable } from '@nestjs/common';
import { EventConsumer, type Consumer, type SqlConnection, type StoredEvent } from '@revcycle/event-store';

import type { EncounterEvent } from '../encounter/encounter.events';

/**
 * Unsigned-encounter worklist and charge lag (issue 3): one row per encounter from the moment the
 * session is on record until it is signed or voided. Rows are closed, never deleted, so the time
 * from session end to signing stays measurable and re-applying any event changes nothing.
 */
@Injectable()
@EventConsumer()
export class UnsignedEncountersProjection implements Consumer {
  readonly name = 'encounters.unsigned-encounters';
  readonly version = 1;
  readonly handles = [
    'encounters.EncounterOpened',
    'encounters.EncounterFactsRevised',
    'encounters.EncounterSigned',
    'encounters.EncounterVoided',
  ];

  async apply(stored: StoredEvent, tx: SqlConnection): Promise<void> {
    const tenantId = stored.metadata.tenantId;
    const event = stored as unknown as EncounterEvent;
    switch (event.type) {
      case 'encounters.EncounterOpened': {
        const { encounterId, patientId, appointmentId, facts } = event.data;
        await tx.query(
          `INSERT INTO encounters.unsigned_encounters_v1 (tenant_id, encounter_id, patient_id, appointment_id,
             rendering_provider_id, supervising_provider_id, date_of_service, session_ended_at, opened_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (tenant_id, encounter_id) DO NOTHING`,
          [tenantId, encounterId, patientId, appointmentId, facts.renderingProviderId, facts.supervisingProviderId,
            facts.dateOfService, facts.endTime, stored.metadata.occurredAt],
        );
        return;
      }
      case 'encounters.EncounterFactsRevised': {
        const { encounterId, facts } = event.data;
        await tx.query(
          `UPDATE encounters.unsigned_encounters_v1
              SET rendering_provider_id = $3, supervising_provider_id = $4, date_of_service = $5, session_ended_at = $6
            WHERE tenant_id = $1 AND encounter_id = $2 AND signed_at IS NULL AND voided_at IS NULL`,
          [tenantId, encounterId, facts.renderingProviderId, facts.supervisingProviderId, facts.dateOfService, facts.endTime],
        );
        return;
      }
      case 'encounters.EncounterSigned':
        await this.close(tx, tenantId, event.data.encounterId, 'signed_at', event.data.signedAt);
        return;
      case 'encounters.EncounterVoided':
        await this.close(tx, tenantId, event.data.encounterId, 'voided_at', event.data.voidedAt);
        return;
    }
  }

  async reset(tx: SqlConnection): Promise<void> {
    await tx.query('DELETE FROM encounters.unsigned_encounters_v1');
  }

  private async close(tx: SqlConnection, tenantId: string, encounterId: string, column: 'signed_at' | 'voided_at', at: string) {
    await tx.query(
      `UPDATE encounters.unsigned_encounters_v1 SET ${column} = $3
        WHERE tenant_id = $1 AND encounter_id = $2 AND signed_at IS NULL AND voided_at IS NULL`,
      [tenantId, encounterId, at],
    );
  }
}
