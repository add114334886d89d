import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { Pool } from 'pg';

import { CodeSetCatalog, CodeSetReleaseRecorder, importCodeSet, type CodeSetParseOptions } from '@revcycle/coding';
import { CommandPipeline, EventSchemaRegistry, PgEventStore, prepareDatabase } from '@revcycle/event-store';

import { allMigrations } from '../../api/src/composition';

/** Where releases are stored: the recorder and how to let go of its connections. */
export interface CodesetStore {
  recorder: CodeSetReleaseRecorder;
  close(): Promise<void>;
}

/** The application database as the runtime role, migrated first, as `revcycle migrate` does. */
export async function openCodesetStore(appUrl?: string): Promise<CodesetStore> {
  const database = appUrl ? undefined : await prepareDatabase({ dataDir: process.env.DATA_DIR ?? '.data', env: process.env, migrations: allMigrations(), attach: true });
  const pool = new Pool({ connectionString: appUrl ?? database!.appUrl, max: 2 });
  const store = new PgEventStore(pool);
  return {
    recorder: new CodeSetReleaseRecorder(pool, store, new CommandPipeline(store, new EventSchemaRegistry())),
    close: async () => {
      await pool.end();
      await database?.close();
    },
  };
}

function progressBar(label: string): SingleBar {
  return new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total}`, hideCursor: true }, Presets.shades_classic);
}

/**
 * `revcycle codesets import KIND FILE`: parses an official CMS file into a release (issue 4), stores its
 * entries and records the release; the same file again is a no-op. The runtime catalog is the shipped
 * seed plus every recorded release.
 */
export function registerCodesetCommands(program: Command, open: () => Promise<CodesetStore> = () => openCodesetStore()): void {
  const codesets = program.command('codesets').description('Code-set releases (ICD-10-CM, HCPCS, place of service, NCCI PTP and MUE)');
  codesets
    .command('import <kind> <file>')
    .description('Import an official file: icd10cm, hcpcs, hcpcs_modifier, place_of_service, ncci_ptp or ncci_mue')
    .option('--from <date>', 'effective from (YYYY-MM-DD), when the file name or contents do not say')
    .option('--to <date>', 'effective to (YYYY-MM-DD)')
    .option('--label <label>', 'a name for the release')
    .action(async (kind: string, file: string, flags: { from?: string; to?: string; label?: string }) => {
      const options: CodeSetParseOptions = {
        ...(flags.from ? { effectiveFrom: flags.from } : {}),
        ...(flags.to ? { effectiveTo: flags.to } : {}),
        ...(flags.label ? { label: flags.label } : {}),
      };
      const parsing = progressBar('parse');
      parsing.start(1, 0);
      const { release } = importCodeSet(kind, file, new CodeSetCatalog(), {
        ...options,
        onProgress: (done, total) => {
          parsing.setTotal(total);
          parsing.update(done);
        },
      });
      parsing.stop();
      const store = await open();
      try {
        const storing = progressBar('store');
        storing.start(Math.max(release.entryCount, 1), 0);
        const recorded = await store.recorder.record(release, 'cli:codesets-import', (done) => storing.update(done));
        storing.stop();
        const period = `${release.effectiveFrom}${release.effectiveTo ? ` to ${release.effectiveTo}` : ' on'}`;
        const verdict = recorded.outcome === 'recorded' ? 'Recorded' : 'Already recorded, nothing changed:';
        process.stdout.write(`${verdict} ${release.releaseId} (${release.entryCount} entries, effective ${period})\n`);
      } finally {
        await store.close();
      }
    });
}
