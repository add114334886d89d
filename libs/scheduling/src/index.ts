// Public surface of the scheduling context (house style P8): its two Nest modules, its migrations,
// the events other contexts may consume and the queries they may ask.
export * from './contracts/scheduling.public-events';
export * from './contracts/provider-user.query';
export { SchedulingModule, schedulingMigrations } from './scheduling.module';
export { SchedulingHttpModule } from './scheduling-http.module';
