export * from './appointment.builders';
export * from './authorization.builders';
