export * from './appointment.builders';
export * from './authorization.builders';
export * from './store.builders';
export * from './provider.builders';
