import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, validateSync } from 'class-validator';

class EncountersEnvironment {
  /** Hours after the session ends before an unsigned encounter counts as late (charge lag). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(720)
  ENCOUNTERS_UNSIGNED_AFTER_HOURS?: number;
}

/** Practices commonly expect documentation signed within a day of the session. */
const DEFAULT_UNSIGNED_AFTER_HOURS = 24;

export class EncountersConfig {
  constructor(readonly unsignedAfterHours: number) {}
}

/** Read once at boot; a bad value stops the process instead of silently using the default. */
export function resolveEncountersConfig(env: NodeJS.ProcessEnv = process.env): EncountersConfig {
  const parsed = plainToInstance(EncountersEnvironment, { ENCOUNTERS_UNSIGNED_AFTER_HOURS: env.ENCOUNTERS_UNSIGNED_AFTER_HOURS || undefined });
  const errors = validateSync(parsed);
  if (errors.length > 0) {
    throw new Error('ENCOUNTERS_UNSIGNED_AFTER_HOURS must be a whole number of hours from 1 to 720');
  }
  return new EncountersConfig(parsed.ENCOUNTERS_UNSIGNED_AFTER_HOURS ?? DEFAULT_UNSIGNED_AFTER_HOURS);
}
