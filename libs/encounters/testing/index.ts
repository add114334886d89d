export * from './encounter.builders';
export * from './encounters-api';
