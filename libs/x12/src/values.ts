import type { LocalDate } from '@revcycle/kernel';

// X12.6 type R: optional leading minus, optional decimal point, digits; no plus sign, no exponent.
const DECIMAL_R = /^(-)?(\d*)(?:\.(\d*))?$/;

/**
 * Parses an X12 R (decimal) amount into integer cents exactly, without floats: optional leading
 * minus, optional decimal point, no plus sign or exponent (X12.6 type R). Digits beyond the cent must
 * be zeros (`1.270` is 127 cents, `1.275` is refused) so no money is silently rounded.
 */
export function decimalToCents(text: string): number | undefined {
  const len = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  let whole = 0;
  let wholeDigits = 0;
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) break;
    if (c < 48 || c > 57) return undefined;
    whole = whole * 10 + (c - 48);
    wholeDigits++;
  }
  let fraction = 0;
  let fractionDigits = 0;
  for (i++; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    if (fractionDigits < 2) fraction = fraction * 10 + (c - 48);
    else if (c !== 48) return undefined;
    fractionDigits++;
  }
  if (wholeDigits === 0 && fractionDigits === 0) return undefined;
  const cents = whole * 100 + (fractionDigits === 1 ? fraction * 10 : fraction);
  if (!Number.isSafeInteger(cents) || wholeDigits > 15) return undefined;
  return text.charCodeAt(0) === 45 && cents !== 0 ? -cents : cents;
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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `CCYYMMDD` to `YYYY-MM-DD`; undefined when it is not a real calendar date. */
export function x12DateToLocal(text: string): LocalDate | undefined {
  if (text.length !== 8 || !/^\d{8}$/.test(text)) return undefined;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(4, 6));
  const day = Number(text.slice(6, 8));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const max = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if (!max || day < 1 || day > max) return undefined;
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/** `YYYY-MM-DD` to `CCYYMMDD`. */
export function localToX12Date(date: LocalDate): string {
  return date.replace(/-/g, '');
}
