// Public surface of the scheduling context (house style P8): its two Nest modules, its migrations
// and the events other contexts may consume.
export * from './contracts/scheduling.public-events';
export { SchedulingModule, schedulingMigrations } from './scheduling.module';
export { SchedulingHttpModule } from './scheduling-http.module';
