import 'reflect-metadata';

import { Command } from 'commander';

import { registerCodesetCommands } from './codesets.command';
import { registerMigrateCommand } from './migrate.command';
import { registerProjectionCommands } from './projections.command';
import { registerTokenCommand } from './token.command';
import { registerX12Commands } from './x12.commands';

/** The operator command line (`npx revcycle …`). */
const program = new Command('revcycle').description('revcycle operator commands');
registerTokenCommand(program);
registerMigrateCommand(program);
registerProjectionCommands(program);
registerCodesetCommands(program);
registerX12Commands(program);

program.parseAsync(process.argv).catch((error: Error) => {
  process.stderr.write(`revcycle: ${error.message}\n`);
  process.exit(1);
});
