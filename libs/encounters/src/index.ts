// Public surface of the encounters context (house style P8): its two Nest modules and migrations,
// and the events other contexts consume. Deciders and state stay inside the context.
export * from './contracts/encounters.public-events';
export { EncountersModule, encountersMigrations } from './encounters.module';
export { EncountersHttpModule } from './encounters-http.module';
export { encounterIdForAppointment } from './policies/open-encounter-when-appointment-completed.policy';
