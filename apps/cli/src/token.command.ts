import { ROLES, type Role } from '@revcycle/kernel';
import { resolveJwtConfig, signDevToken } from '@revcycle/platform';
import { Option, type Command } from 'commander';

interface TokenOptions {
  tenant: string;
  role: Role;
  sub: string;
  ttl: string;
}

/** jose time spans (`90s`, `15m`, `2h`); anything longer than a working day is not a dev token. */
const TTL = /^(\d+)\s*(s|m|h)$/;
const MAX_TTL_SECONDS = 12 * 3600;

/**
 * `revcycle token --tenant T --role R [--sub S] [--ttl 15m]` prints a development JWT signed with the
 * same secret the API resolves (JWT_SECRET, or the one persisted in the data folder).
 */
export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description('Print a signed development JWT for calling the API')
    .requiredOption('--tenant <id>', 'tenant (practice) the token acts for')
    .addOption(new Option('--role <role>', 'role the token carries').choices([...ROLES]).makeOptionMandatory())
    .option('--sub <id>', 'subject (user id) of the token', 'dev-user')
    .option('--ttl <span>', 'lifetime such as 15m or 2h (at most 12h)', '15m')
    .action(async (options: TokenOptions, command: Command) => {
      const match = TTL.exec(options.ttl);
      const seconds = match ? Number(match[1]) * { s: 1, m: 60, h: 3600 }[match[2] as 's' | 'm' | 'h'] : 0;
      if (seconds < 1 || seconds > MAX_TTL_SECONDS) {
        command.error(`--ttl must be between 1s and 12h, such as 15m (got "${options.ttl}")`);
      }
      const token = await signDevToken(resolveJwtConfig(process.env), {
        tenant: options.tenant,
        role: options.role,
        sub: options.sub,
        ttl: `${seconds}s`,
      });
      process.stdout.write(`${token}\n`);
    });
}
