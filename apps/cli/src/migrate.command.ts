import type { Command } from 'commander';

import { prepareDatabase } from '@revcycle/event-store';

import { allMigrations } from '../../api/src/composition';

/** `revcycle migrate`: applies pending migrations (also run by `npm start`); safe to repeat. */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(async () => {
      const database = await prepareDatabase({ dataDir: process.env.DATA_DIR ?? '.data', env: process.env, migrations: allMigrations(), attach: true });
      await database.close();
      const { applied, alreadyApplied } = database.migrations;
      process.stdout.write(`Applied ${applied.length} migration(s)${applied.length ? `: ${applied.join(', ')}` : ''}; ${alreadyApplied.length} already applied.\n`);
    });
}
