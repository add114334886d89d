-- Read models of the scheduling context (house style §5: schema per lib, tables <name>_v<n>).
-- Ids are text: events carry them as strings, and a read model must not halt on an id format.
CREATE SCHEMA IF NOT EXISTS scheduling;
GRANT USAGE ON SCHEMA scheduling TO revcycle_app;

-- Provider day calendar: one row per appointment, for the front desk's day view.
CREATE TABLE scheduling.provider_day_calendar_v1 (
  tenant_id       text        NOT NULL,
  appointment_id  text        NOT NULL,
  provider_id     text        NOT NULL,
  patient_id      text        NOT NULL,
  location_id     text        NOT NULL,
  series_id       text,
  modality        text        NOT NULL,
  service_code    text        NOT NULL,
  date_of_service date        NOT NULL,
  start_at        timestamptz NOT NULL,
  end_at          timestamptz NOT NULL,
  status          text        NOT NULL,
  late_cancel     boolean     NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, appointment_id)
);
CREATE INDEX provider_day_calendar_v1_day ON scheduling.provider_day_calendar_v1 (tenant_id, provider_id, date_of_service, start_at);

-- Patient timeline: one row per event about the patient, ids and codes only (no demographics).
CREATE TABLE scheduling.patient_timeline_v1 (
  tenant_id       text        NOT NULL,
  event_id        text        NOT NULL,
  patient_id      text        NOT NULL,
  global_position bigint      NOT NULL,
  occurred_at     timestamptz NOT NULL,
  kind            text        NOT NULL,
  appointment_id  text,
  encounter_id    text,
  details         jsonb       NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, event_id)
);
CREATE INDEX patient_timeline_v1_patient ON scheduling.patient_timeline_v1 (tenant_id, patient_id, global_position);
-- Which patient an appointment or encounter belongs to, for events that carry only that id.
CREATE TABLE scheduling.patient_timeline_refs_v1 (
  tenant_id  text NOT NULL,
  ref_id     text NOT NULL,
  patient_id text NOT NULL,
  PRIMARY KEY (tenant_id, ref_id)
);

-- Authorization utilization: terms, usage counted per encounter, and sessions booked but not yet signed.
CREATE TABLE scheduling.authorization_utilization_v1 (
  tenant_id             text    NOT NULL,
  authorization_id      text    NOT NULL,
  patient_id            text    NOT NULL,
  payer_id              text    NOT NULL,
  number                text    NOT NULL,
  covered_service_codes text[]  NOT NULL,
  start_date            date    NOT NULL,
  end_date              date    NOT NULL,
  units_authorized      integer NOT NULL,
  PRIMARY KEY (tenant_id, authorization_id)
);
CREATE INDEX authorization_utilization_v1_patient ON scheduling.authorization_utilization_v1 (tenant_id, patient_id);
CREATE TABLE scheduling.authorization_usage_v1 (
  tenant_id        text    NOT NULL,
  authorization_id text    NOT NULL,
  encounter_id     text    NOT NULL,
  units            integer NOT NULL,
  PRIMARY KEY (tenant_id, authorization_id, encounter_id)
);
CREATE TABLE scheduling.authorization_pending_sessions_v1 (
  tenant_id       text    NOT NULL,
  appointment_id  text    NOT NULL,
  patient_id      text    NOT NULL,
  service_code    text    NOT NULL,
  date_of_service date    NOT NULL,
  units           integer NOT NULL,
  pending         boolean NOT NULL,
  PRIMARY KEY (tenant_id, appointment_id)
);
CREATE INDEX authorization_pending_sessions_v1_patient ON scheduling.authorization_pending_sessions_v1 (tenant_id, patient_id) WHERE pending;

-- Missed appointments: the latest outcome of each appointment, by provider and month of service.
CREATE TABLE scheduling.missed_appointment_outcomes_v1 (
  tenant_id      text NOT NULL,
  appointment_id text NOT NULL,
  provider_id    text NOT NULL,
  service_month  date NOT NULL,
  outcome        text NOT NULL CHECK (outcome IN ('booked', 'kept', 'cancelled', 'late_cancel', 'no_show')),
  PRIMARY KEY (tenant_id, appointment_id)
);
CREATE INDEX missed_appointment_outcomes_v1_month ON scheduling.missed_appointment_outcomes_v1 (tenant_id, service_month, provider_id);

-- Owned by the authorization-usage policy: which authorization a signed encounter was counted on.
CREATE TABLE scheduling.authorization_usage_encounters_v1 (
  tenant_id        text NOT NULL,
  encounter_id     text NOT NULL,
  authorization_id text NOT NULL,
  PRIMARY KEY (tenant_id, encounter_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON
  scheduling.provider_day_calendar_v1,
  scheduling.patient_timeline_v1,
  scheduling.patient_timeline_refs_v1,
  scheduling.authorization_utilization_v1,
  scheduling.authorization_usage_v1,
  scheduling.authorization_pending_sessions_v1,
  scheduling.missed_appointment_outcomes_v1,
  scheduling.authorization_usage_encounters_v1
TO revcycle_app;
