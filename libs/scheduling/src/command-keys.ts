import { uuidV5, ValidationFailed, type CommandContext } from '@revcycle/kernel';

/**
 * Every scheduling POST carries an `Idempotency-Key` (event-store.md §6): commands that write two
 * streams (calendar, then appointment) derive the key of each step from it, so a retry after a
 * crash between the steps finishes the work instead of doing it twice.
 */
export function keyed(context: CommandContext): CommandContext & { commandId: string } {
  if (!context.commandId) {
    throw new ValidationFailed([{ path: 'headers.idempotency-key', message: 'is required on every command' }]);
  }
  return context as CommandContext & { commandId: string };
}

/** The context of one step of a multi-stream command, with a key derived from the request's key. */
export function stepContext(context: CommandContext & { commandId: string }, step: string): CommandContext {
  return { ...context, commandId: uuidV5(`${context.commandId}:${step}`) };
}

/**
 * The id of a record a command creates, derived from the tenant and the idempotency key: a retry
 * creates nothing new, and the steps of a two-stream command agree on the id without storing it.
 */
export function createdId(context: CommandContext & { commandId: string }): string {
  return uuidV5(`${context.tenantId}:${context.commandId}:created`);
}
