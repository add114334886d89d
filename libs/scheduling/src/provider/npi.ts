/**
 * National Provider Identifier check digit (CMS, "Requirements for NPI Check Digit", 45 CFR 162.406):
 * the Luhn formula (ISO/IEC 7812) run over the 10-digit NPI prefixed with the card issuer
 * identifier 80840. Individual and group (organisation) NPIs use the same rule.
 */
const NPI_SHAPE = /^[12]\d{9}$/;
const ISSUER_PREFIX = '80840';

export function isValidNpi(npi: string): boolean {
  if (!NPI_SHAPE.test(npi)) return false;
  const digits = ISSUER_PREFIX + npi;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
