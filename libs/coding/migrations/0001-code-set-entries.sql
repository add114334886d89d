-- Read models and reference rows of the coding context (house style §4: one schema per lib).
CREATE SCHEMA IF NOT EXISTS coding;
GRANT USAGE ON SCHEMA coding TO revcycle_app;

-- Entries of imported code-set releases. The release itself is the event coding.CodeSetReleaseRecorded
-- in stream codeset-<kind> of tenant '_reference'; rows without that event are never read, so an import
-- that stops half-way leaves nothing visible and its re-run completes it.
CREATE TABLE coding.code_set_entries (
  tenant_id  text    NOT NULL,
  release_id text    NOT NULL,
  position   integer NOT NULL,
  entry      jsonb   NOT NULL,
  PRIMARY KEY (tenant_id, release_id, position)
);
GRANT SELECT, INSERT ON coding.code_set_entries TO revcycle_app;
