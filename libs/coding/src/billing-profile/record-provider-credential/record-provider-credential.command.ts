import type { ProviderCredentialRecorded, ProviderCredentialState } from '../billing-profile.state';

export type RecordProviderCredential = ProviderCredentialRecorded['data'];

/** Credentials decide 90792, credential modifiers and Medicare eligibility [CR7][CR8]; unchanged is a no-op. */
export function decideRecordProviderCredential(command: RecordProviderCredential, state: ProviderCredentialState): ProviderCredentialRecorded[] {
  if (state.credential === command.credential) return [];
  return [{ type: 'coding.ProviderCredentialRecorded', data: command }];
}
