import { ValidationFailed } from './domain-error';

/** Money is always an integer number of cents; floats never carry amounts. */
export type Cents = number;

/** Checks that a value is a safe integer amount of cents. */
export function assertCents(value: number, path = 'amountCents'): Cents {
  if (!Number.isSafeInteger(value)) {
    throw new ValidationFailed([{ path, message: 'must be an integer number of cents' }]);
  }
  return value;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** Parses a decimal string such as "125.5" or "-3.07" into cents exactly, without floats. */
export function parseDecimalToCents(text: string): Cents | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match) return undefined;
  const whole = Number(match[2]);
  const fraction = Number((match[3] ?? '').padEnd(2, '0'));
  const cents = whole * 100 + fraction;
  if (!Number.isSafeInteger(cents)) return undefined;
  return match[1] ? -cents : cents;
}

/** Formats cents as a plain decimal string ("125.50"). */
export function formatCents(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
