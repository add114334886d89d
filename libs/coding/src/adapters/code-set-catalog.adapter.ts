import { Injectable } from '@nestjs/common';

import { Database, EventStore } from '@revcycle/event-store';

import { CodeSetCatalog } from '../codesets/code-set.catalog';
import { AnyCodeSetRelease, IMPORTABLE_CODE_SET_KINDS } from '../codesets/code-set.release';
import { loadDefaultSeed } from '../codesets/default-seed';
import {
  codeSetStreamId,
  evolveCodeSetReleases,
  initialCodeSetReleasesState,
  REFERENCE_TENANT,
  type CodeSetReleaseMetadata,
} from '../code-set-release/code-set-release.state';
import { foldStream } from './stream-fold.adapter';

/**
 * The catalog coding runs on: the shipped seed plus every release recorded by `revcycle codesets
 * import` (issue 4). Release metadata is read from the streams on each call, which are small; the
 * entries of a release are loaded once, the first time it is seen.
 */
@Injectable()
export class CodeSetCatalogSource {
  private catalog?: CodeSetCatalog;

  constructor(
    private readonly store: EventStore,
    private readonly database: Database,
  ) {}

  async current(): Promise<CodeSetCatalog> {
    this.catalog ??= loadDefaultSeed();
    const catalog = this.catalog;
    for (const kind of IMPORTABLE_CODE_SET_KINDS) {
      const { releases } = await foldStream(this.store, codeSetStreamId(kind), REFERENCE_TENANT, initialCodeSetReleasesState, evolveCodeSetReleases);
      for (const release of releases) {
        if (catalog.releases(kind).some((held) => held.releaseId === release.releaseId)) continue;
        catalog.add(await this.withEntries(release));
      }
    }
    return catalog;
  }

  private async withEntries(release: CodeSetReleaseMetadata): Promise<AnyCodeSetRelease> {
    const { rows } = await this.database.pool.query<{ entry: unknown }>(
      'SELECT entry FROM coding.code_set_entries WHERE tenant_id = $1 AND release_id = $2 ORDER BY position',
      [REFERENCE_TENANT, release.releaseId],
    );
    return { ...release, entries: rows.map((row) => row.entry) } as AnyCodeSetRelease;
  }
}
