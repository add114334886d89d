export * from './encounter.builders';
