export * from './encounter.builders';
export * from './encounters-api';
export * from './provider-registry.stub';
