import { hash, randomUUID } from 'node:crypto';

/** A fresh random UUID (v4) for new aggregates and events. */
export function newId(): string {
  return randomUUID();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** True for a canonical UUID string. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The DNS namespace of RFC 9562 §6.6, used as the root for our name-based ids. */
const ROOT_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const namespaceToBytes = (namespace: string) => Buffer.from(namespace.replace(/-/g, ''), 'hex');
/** Parsed once: every command derives several ids from it. */
const ROOT_BYTES = namespaceToBytes(ROOT_NAMESPACE);

/**
 * Name-based UUID (version 5, RFC 9562 §5.5). Policies derive command ids from their name and the
 * source event id so a redelivered event never issues a second command.
 */
export function uuidV5(name: string, namespace: string = ROOT_NAMESPACE): string {
  const ns = namespace === ROOT_NAMESPACE ? ROOT_BYTES : namespaceToBytes(namespace);
  // One-shot hashing (Node ≥ 20.12): no hash object per id, and ids are derived on every command.
  const digest = hash('sha1', Buffer.concat([ns, Buffer.from(name, 'utf8')]), 'buffer');
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
