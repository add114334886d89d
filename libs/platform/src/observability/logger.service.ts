import { Injectable, type LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Keys whose values are PHI or secrets wherever they appear in a log object (AUD-10). Matched at any
 * depth, so `body.patient.lastName` is covered as well as `*.lastName`.
 */
const REDACTED_KEYS = new Set(
  [
    'firstName', 'lastName', 'middleName', 'name', 'fullName', 'dateOfBirth', 'birthDate', 'dob',
    'address', 'addressLine1', 'addressLine2', 'street', 'phone', 'phoneNumber', 'email', 'memberId',
    'subscriberId', 'ssn', 'mrn', 'authorization', 'cookie', 'set-cookie', 'password', 'token',
  ].map((key) => key.toLowerCase()),
);
const CENSOR = '[REDACTED]';
const MAX_DEPTH = 8;

export interface LoggerOptions {
  level?: string;
  /** Where lines go; stdout when absent. Specs pass a stream to read what was written. */
  destination?: DestinationStream;
}

/** The process logger: JSON lines, PHI keys censored, CR/LF removed from every string (log injection). */
export function createPinoLogger(options: LoggerOptions = {}): Logger {
  const settings: pino.LoggerOptions = {
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    base: { service: 'revcycle' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { log: (object) => scrub(object, 0) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? singleLine(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** Censors PHI keys and flattens line breaks; errors keep type, message and stack for operators. */
export function scrub(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return singleLine(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[TRUNCATED]';
  if (value instanceof Error) {
    return { type: value.name, message: singleLine(value.message), stack: value.stack && singleLine(value.stack) };
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = REDACTED_KEYS.has(key.toLowerCase()) ? CENSOR : scrub(item, depth + 1);
  }
  return out;
}

function singleLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

/** Nest's logger interface over pino, so framework messages share the format and the scrubbing. */
@Injectable()
export class PinoLoggerService implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  /** Nest passes `(message, stack, context)`, or `(message, context)` when it has no stack. */
  error(message: unknown, ...rest: unknown[]): void {
    const [first, second] = rest.map((item) => (typeof item === 'string' ? item : undefined));
    const firstIsStack = first !== undefined && /\n\s+at /.test(first);
    const stack = rest.length > 1 || firstIsStack ? first : undefined;
    const context = rest.length > 1 ? second : firstIsStack ? undefined : first;
    if (stack) this.pino.error({ context, stack }, typeof message === 'string' ? message : 'error');
    else this.write('error', message, context);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, context?: string): void {
    if (typeof message === 'string') this.pino[level]({ context }, message);
    else this.pino[level]({ context, detail: message });
  }
}
