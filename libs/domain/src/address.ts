import { z } from 'zod';
import { COUNTRY_CODES } from './rules/countries';
import { MAX_ADDRESSES } from './rules/limits';
import { Id } from './common';

const countryCodes = new Set(COUNTRY_CODES);

export const CountryCode = z
  .string()
  .trim()
  // An overwrite, not a transform: response schemas must encode too.
  .toUpperCase()
  .refine((code) => countryCodes.has(code), 'must be an ISO 3166-1 alpha-2 code such as US');

const line = (max: number) => z.string().trim().min(1).max(max);
const PersonName = line(100);
const AddressLine = line(200);
const City = line(100);
const PostalCode = line(20);
const Region = line(100);
const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ().-]{2,29}$/, 'must be a phone number: digits, spaces, "+().-"');

/** The fields of a delivery address; an order keeps a copy of them as its `shippingAddress`. */
export const ShippingAddress = z.object({
  name: PersonName,
  line1: AddressLine,
  line2: AddressLine.optional(),
  city: City,
  postalCode: PostalCode,
  region: Region.optional(),
  country: CountryCode,
  phone: Phone.optional(),
});
export type ShippingAddress = z.infer<typeof ShippingAddress>;

/** An entry of the caller's address book. */
export const Address = ShippingAddress.extend({ addressId: Id, isDefault: z.boolean() });
export type Address = z.infer<typeof Address>;

/** What a shopper sends to save an address; ids and other server-owned fields are refused. */
export const AddressCreate = z.strictObject({
  ...ShippingAddress.shape,
  isDefault: z.boolean().optional(),
});
export type AddressCreate = z.infer<typeof AddressCreate>;

/** A partial change; `null` clears an optional field, `isDefault: true` makes it the default. */
export const AddressUpdate = z
  .strictObject({
    name: PersonName,
    line1: AddressLine,
    line2: AddressLine.nullable(),
    city: City,
    postalCode: PostalCode,
    region: Region.nullable(),
    country: CountryCode,
    phone: Phone.nullable(),
    isDefault: z.boolean(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'send at least one field to change');
export type AddressUpdate = z.infer<typeof AddressUpdate>;

export const AddressParams = z.object({ addressId: Id });
export const AddressList = z.object({ items: z.array(Address).max(MAX_ADDRESSES) });

/** The delivery address of a new order: one from the address book, or one typed in at checkout. */
export const PlaceOrderBody = z
  .object({ addressId: Id.optional(), address: ShippingAddress.optional() })
  .refine(
    (body) => (body.addressId === undefined) !== (body.address === undefined),
    'send the delivery address: either addressId (from the address book) or address',
  );
export type PlaceOrderBody = z.infer<typeof PlaceOrderBody>;

/** The copy of an address an order keeps (no id: later edits to the address book never reach it). */
export function toShippingAddress(address: Address | ShippingAddress): ShippingAddress {
  const copy: ShippingAddress = {
    name: address.name,
    line1: address.line1,
    city: address.city,
    postalCode: address.postalCode,
    country: address.country,
  };
  if (address.line2) copy.line2 = address.line2;
  if (address.region) copy.region = address.region;
  if (address.phone) copy.phone = address.phone;
  return copy;
}
