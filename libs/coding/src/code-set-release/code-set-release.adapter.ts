import { CommandPipeline, EventStore, type SqlConnection } from '@revcycle/event-store';
import { uuidV5, ValidationFailed } from '@revcycle/kernel';

import type { AnyCodeSetRelease } from '../codesets/code-set.release';
import { isImportableKind } from '../codesets/import-codeset';
import { foldStream } from '../adapters/stream-fold.adapter';
import {
  codeSetStreamId,
  evolveCodeSetReleases,
  initialCodeSetReleasesState,
  REFERENCE_TENANT,
  type CodeSetReleasesState,
} from './code-set-release.state';
import { decideRecordCodeSetRelease } from './record-code-set-release/record-code-set-release.command';

// Rows per INSERT: large enough to load a full ICD-10-CM file (~74k codes) quickly, small enough that
// each statement stays short (event-store.md §3 rule 3: no long writers).
const ROWS_PER_INSERT = 1000;

export interface RecordedRelease {
  outcome: 'recorded' | 'already_recorded';
  releaseId: string;
  entryCount: number;
}

/**
 * Stores an imported release: entries first (idempotent rows), then the release event through the
 * command pipeline, which makes the entries visible. Used by `revcycle codesets import`.
 */
export class CodeSetReleaseRecorder {
  constructor(
    private readonly connection: SqlConnection,
    private readonly store: EventStore,
    private readonly pipeline: CommandPipeline,
  ) {}

  async record(release: AnyCodeSetRelease, actorId: string, onProgress?: (stored: number, total: number) => void): Promise<RecordedRelease> {
    if (!isImportableKind(release.kind)) throw new ValidationFailed([{ path: 'kind', message: 'the local CPT list ships with the code and is never imported' }]);
    const streamId = codeSetStreamId(release.kind);
    const { entries, ...metadata } = release;
    const summary = { releaseId: release.releaseId, entryCount: release.entryCount };
    const held = await foldStream(this.store, streamId, REFERENCE_TENANT, initialCodeSetReleasesState, evolveCodeSetReleases);
    if (held.releases.some((known) => known.releaseId === release.releaseId)) return { outcome: 'already_recorded', ...summary };
    for (let start = 0; start < entries.length; start += ROWS_PER_INSERT) {
      const chunk = entries.slice(start, start + ROWS_PER_INSERT);
      await this.connection.query(
        `INSERT INTO coding.code_set_entries (tenant_id, release_id, position, entry)
         SELECT $1, $2, position, entry FROM unnest($3::int[], $4::jsonb[]) AS t(position, entry)
         ON CONFLICT DO NOTHING`,
        [REFERENCE_TENANT, release.releaseId, chunk.map((_, i) => start + i), chunk.map((entry) => JSON.stringify(entry))],
      );
      onProgress?.(start + chunk.length, entries.length);
    }
    const outcome = await this.pipeline.handle<CodeSetReleasesState, ReturnType<typeof decideRecordCodeSetRelease>[number], string>({
      streamId,
      decider: { initialState: initialCodeSetReleasesState, evolve: evolveCodeSetReleases },
      context: {
        tenantId: REFERENCE_TENANT,
        actor: { id: actorId, role: 'admin' },
        correlationId: uuidV5(`codeset-import:${release.releaseId}`),
        commandId: uuidV5(`codeset-import:${release.releaseId}`),
        now: new Date(),
      },
      commandType: 'coding.RecordCodeSetRelease',
      payload: metadata,
      decide: (state) => decideRecordCodeSetRelease(metadata, state),
      respond: ({ events }) => (events.length > 0 ? 'recorded' : 'already_recorded'),
    });
    return { outcome: outcome.body === 'recorded' && !outcome.replayed ? 'recorded' : 'already_recorded', ...summary };
  }
}
