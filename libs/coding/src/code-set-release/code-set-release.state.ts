import type { DomainEvent } from '@revcycle/event-store';

import type { CodeSetRelease, ImportableCodeSetKind } from '../codesets/code-set.release';

/**
 * Code sets are reference data published by CMS, the same for every practice, so their releases live
 * under one reserved tenant rather than being copied into each practice's log.
 */
export const REFERENCE_TENANT = '_reference';

/** A release's metadata; its entries sit in `coding.code_set_entries`, written before this event. */
export type CodeSetReleaseMetadata = Omit<CodeSetRelease, 'entries'>;
export type CodeSetReleaseRecorded = DomainEvent<'coding.CodeSetReleaseRecorded', CodeSetReleaseMetadata>;

export interface CodeSetReleasesState {
  releases: CodeSetReleaseMetadata[];
}

export const initialCodeSetReleasesState: CodeSetReleasesState = { releases: [] };

export function codeSetStreamId(kind: ImportableCodeSetKind): string {
  return `codeset-${kind}`;
}

export function evolveCodeSetReleases(state: CodeSetReleasesState, event: DomainEvent): CodeSetReleasesState {
  if (event.type !== 'coding.CodeSetReleaseRecorded') return state;
  return { releases: [...state.releases, (event as CodeSetReleaseRecorded).data] };
}
