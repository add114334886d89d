import type { LocalDate } from '@revcycle/kernel';

// X12.6 type R: optional leading minus, optional decimal point, digits; no plus sign, no exponent.
const DECIMAL_R = /^(-)?(\d*)(?:\.(\d*))?$/;

/**
 * Parses an X12 R (decimal) amount into integer cents exactly, without floats. Digits beyond the cent
 * must be zeros (`1.270` is 127 cents, `1.275` is refused) so no money is silently rounded.
 */
export function decimalToCents(text: string): number | undefined {
  const m = DECIMAL_R.exec(text);
  if (!m) return undefined;
  const whole = m[2];
  const fraction = m[3] ?? '';
  if (whole === '' && fraction === '') return undefined;
  if (/[1-9]/.test(fraction.slice(2))) return undefined;
  const cents = Number(whole || '0') * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return undefined;
  return m[1] && cents !== 0 ? -cents : cents;
}

/** Parses an X12 R quantity (units, CAS quantity); quantities are not money, so a number is exact enough. */
export function decimalToQuantity(text: string): number | undefined {
  const m = DECIMAL_R.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const value = Number(text.startsWith('.') || text.startsWith('-.') ? text.replace('.', '0.') : text);
  return Number.isFinite(value) ? value : undefined;
}

/** Formats cents as an X12 R amount: no plus sign, no trailing `.00` (`12.5`, `-3.07`, `40`). */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.trunc(abs / 100);
  const fraction = abs % 100;
  if (fraction === 0) return `${sign}${whole}`;
  const digits = String(fraction).padStart(2, '0').replace(/0$/, '');
  return `${sign}${whole}.${digits}`;
}

/** Formats a quantity as an X12 R value (plain digits, never exponent notation). */
export function quantityToDecimal(value: number): string {
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(6).replace(/\.?0+$/, '') : text;
}

/** `CCYYMMDD` to `YYYY-MM-DD`; undefined when it is not a real calendar date. */
export function x12DateToLocal(text: string): LocalDate | undefined {
  if (!/^\d{8}$/.test(text)) return undefined;
  const iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : undefined;
}

/** `YYYY-MM-DD` to `CCYYMMDD`. */
export function localToX12Date(date: LocalDate): string {
  return date.replace(/-/g, '');
}
