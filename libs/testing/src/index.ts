export * from './test-database';
export * from './context-api';
