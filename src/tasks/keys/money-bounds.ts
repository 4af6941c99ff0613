/**
 * The one rule for balances an operator sets (`moviola keys create --balance`, `keys top-up`,
 * MOVIOLA_START_BALANCE): dollars from 0 to 1,000,000 with at most two decimals (cents).
 *
 * @example
 *   parseDollars('12.50', '--balance') // → { micros: 12_500_000 }
 *   parseDollars('1e300', '--balance') // → { error: '--balance: must be dollars from 0 to 1000000 with at most 2 decimals (got "1e300")' }
 */
export const MAX_BALANCE_DOLLARS = 1_000_000;
export const MAX_BALANCE_MICROS = MAX_BALANCE_DOLLARS * 1_000_000;

export function parseDollars(text: string, field: string): { micros: number } | { error: string } {
  const trimmed = text.trim();
  // plain decimal notation only: no exponents, no signs, no hex, at most cents
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(trimmed) || Number(trimmed) > MAX_BALANCE_DOLLARS) {
    return { error: `${field}: must be dollars from 0 to ${MAX_BALANCE_DOLLARS} with at most 2 decimals (got "${text}")` };
  }
  const [whole, cents = ''] = trimmed.split('.');
  return { micros: Number(whole) * 1_000_000 + Number(cents.padEnd(2, '0')) * 10_000 };
}
