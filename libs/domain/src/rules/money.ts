/**
 * Money for people: amounts are integers in minor units of an ISO 4217 currency (1999 USD is
 * $19.99); how many digits a currency has comes from Intl, so JPY and KWD are right too.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string): Intl.NumberFormat {
  let cached = formatters.get(currency);
  if (!cached) {
    cached = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formatters.set(currency, cached);
  }
  return cached;
}

export function fractionDigits(currency: string): number {
  return formatter(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Formats minor units for people, e.g. 1999 USD -> "$19.99". */
export function formatMoney(amount: number, currency: string): string {
  return formatter(currency).format(amount / 10 ** fractionDigits(currency));
}

/** "19.99" USD -> 1999; undefined for anything that is not a plain non-negative amount. */
export function parseMoney(input: string, currency: string): number | undefined {
  const digits = fractionDigits(currency);
  const pattern = digits > 0 ? new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`) : /^\d+$/;
  const trimmed = input.trim();
  if (!pattern.test(trimmed)) return undefined;
  const [whole = '0', fraction = ''] = trimmed.split('.');
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** 1999 USD -> "19.99", for editing. */
export function toMajorUnits(amount: number, currency: string): string {
  const digits = fractionDigits(currency);
  return (amount / 10 ** digits).toFixed(digits);
}
