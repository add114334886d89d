-- Read model of the unsigned-encounter worklist and the charge-lag measure (issue 3). Rebuildable
-- from the log: a new version gets a new table (event-store.md §7).
CREATE SCHEMA IF NOT EXISTS encounters;
GRANT USAGE ON SCHEMA encounters TO revcycle_app;

CREATE TABLE encounters.unsigned_encounters_v1 (
  tenant_id text NOT NULL,
  encounter_id text NOT NULL,
  patient_id text NOT NULL,
  appointment_id text,
  rendering_provider_id text NOT NULL,
  supervising_provider_id text,
  date_of_service date NOT NULL,
  session_ended_at timestamptz NOT NULL,
  opened_at timestamptz NOT NULL,
  signed_at timestamptz,
  voided_at timestamptz,
  PRIMARY KEY (tenant_id, encounter_id)
);

-- The worklist reads open rows oldest first; the lag measure reads recently signed ones.
CREATE INDEX unsigned_encounters_v1_open ON encounters.unsigned_encounters_v1 (tenant_id, session_ended_at)
  WHERE signed_at IS NULL AND voided_at IS NULL;
CREATE INDEX unsigned_encounters_v1_signed ON encounters.unsigned_encounters_v1 (tenant_id, signed_at)
  WHERE signed_at IS NOT NULL;

GRANT SELECT, INSERT, UPDATE, DELETE ON encounters.unsigned_encounters_v1 TO revcycle_app;
