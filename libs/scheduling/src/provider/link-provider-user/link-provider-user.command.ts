import type { CommandContext } from '@revcycle/kernel';

import type { ProviderUserLinked } from '../provider.events';
import { ProviderNotFound } from '../provider.errors';
import type { ProviderState } from '../provider.state';

export interface LinkProviderUser {
  context: CommandContext;
  providerId: string;
  /** The subject (`sub`) of the user's tokens. */
  userId: string;
}

/**
 * Names the user account that acts as this provider. Linking the same user again writes nothing; a
 * new account replaces the old one, and the history keeps who was linked when.
 */
export function decideLinkProviderUser(command: LinkProviderUser, state: ProviderState): ProviderUserLinked[] {
  const { providerId, userId } = command;
  if (state.status !== 'enrolled') throw new ProviderNotFound(providerId);
  if (state.userId === userId) return [];
  return [{ type: 'scheduling.ProviderUserLinked', data: { providerId, userId } }];
}
