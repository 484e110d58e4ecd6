import type { ShippingAddress } from '@mini-ecommerce/domain';

const regionNames =
  typeof Intl.DisplayNames === 'function'
    ? new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' })
    : undefined;

/** A country's English name from its ISO 3166-1 alpha-2 code. */
export function countryName(code: string): string {
  return regionNames?.of(code) ?? code;
}

/** A delivery address as people write it on an envelope. */
export function AddressLines({ address }: { address: ShippingAddress }) {
  const cityLine = [address.postalCode, address.city, address.region].filter(Boolean).join(' ');
  return (
    <address className="address">
      {[
        address.name,
        address.line1,
        address.line2,
        cityLine,
        countryName(address.country),
        address.phone,
      ]
        .filter(Boolean)
        .map((line, index) => (
          <span key={index} className="address__line">
            {line}
          </span>
        ))}
    </address>
  );
}

/** One line, for lists and tables. */
export function addressSummary(address: ShippingAddress): string {
  return [address.name, address.line1, address.city, address.country].join(', ');
}
