export * from './domain-error';
export * from './money';
export * from './local-date';
export * from './instant';
export * from './actor';
export * from './ids';
export * from './canonical-json';
