export * from './coding.builders';
export * from './coding-api';
