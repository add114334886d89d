// Public surface of @revcycle/x12: a pure X12 codec (syntax only; meaning lives in the owning contexts).
export * from './issues';
export { decimalToCents, centsToDecimal, x12DateToLocal, localToX12Date } from './values';
export type { Delimiters, Segment } from './reader/segment';
export { element, component, components, repetitions } from './reader/segment';
export type { InterchangeHeader, GroupHeader, TransactionHeader, EnvelopeContext, X12Visitor } from './reader/envelope';
export {
  readX12,
  createX12Reader,
  transactionsOf,
  singleTransaction,
  type EnvelopedTransaction,
  DEFAULT_READ_LIMITS,
  type X12ReadLimits,
  type X12StreamReader,
  type X12Document,
  type X12Interchange,
  type X12Group,
  type X12TransactionSet,
} from './reader/read-x12';
export {
  writeInterchange,
  DEFAULT_DELIMITERS,
  type ElementValue,
  type SegmentSpec,
  type TransactionSpec,
  type GroupSpec,
  type InterchangeSpec,
  type WriteOptions,
} from './writer/write-x12';
export * from './835/remittance';
export { parse835, read835, remittanceVisitor } from './835/parse-835';
export type { RemittanceOptions } from './835/remittance-builder';
export * from './837p/professional-claim';
export { generate837P, VERSION_837P } from './837p/generate-837p';
export { read837P } from './837p/read-837p';
export * from './999/parse-999';
export * from './277ca/parse-277ca';
export { loadX12Maps, validateX12, validateTransaction, type X12Maps, type X12MapSources } from './validator/validate';
