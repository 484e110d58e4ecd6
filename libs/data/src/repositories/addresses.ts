import { randomUUID } from 'node:crypto';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import {
  DomainError,
  MAX_ADDRESSES,
  notFound,
  type Address,
  type AddressCreate,
  type AddressUpdate,
  type ShippingAddress,
} from '@mini-ecommerce/domain';
import type { DataContext } from '../context';

const addressBookId = (userId: string) => `#ADDRESSES#${userId}`;
const MAX_WRITE_ATTEMPTS = 5;

type StoredAddress = ShippingAddress & { addressId: string };
interface Book {
  addresses: StoredAddress[];
  defaultAddressId?: string;
  version: number;
}

const OPTIONAL_FIELDS = ['line2', 'region', 'phone'] as const;

function toAddress(stored: StoredAddress, defaultAddressId: string | undefined): Address {
  const address: Address = {
    addressId: stored.addressId,
    name: stored.name,
    line1: stored.line1,
    city: stored.city,
    postalCode: stored.postalCode,
    country: stored.country,
    isDefault: stored.addressId === defaultAddressId,
  };
  for (const field of OPTIONAL_FIELDS) if (stored[field]) address[field] = stored[field];
  return address;
}

/**
 * A user's delivery addresses. The whole book is one item in the users table, written with a
 * version condition: the limit of five and the single default hold under concurrent edits.
 */
export class AddressRepository {
  constructor(private readonly ctx: DataContext) {}

  /** Access pattern: a user's address book, one GetItem. */
  async list(userId: string): Promise<Address[]> {
    const book = await this.read(userId);
    return book.addresses.map((stored) => toAddress(stored, book.defaultAddressId));
  }

  async get(userId: string, addressId: string): Promise<Address | undefined> {
    return (await this.list(userId)).find((address) => address.addressId === addressId);
  }

  /** Adds an address; the first one, or one sent with `isDefault`, becomes the default. */
  async create(userId: string, input: AddressCreate): Promise<Address> {
    const { isDefault, ...fields } = input;
    const addressId = randomUUID();
    return this.change(userId, (book) => {
      if (book.addresses.length >= MAX_ADDRESSES) {
        throw new DomainError(
          'CONFLICT',
          `An account keeps at most ${MAX_ADDRESSES} addresses; delete one first`,
          { max: MAX_ADDRESSES },
        );
      }
      const addresses = [...book.addresses, { ...withoutEmpty(fields), addressId }];
      const defaultAddressId =
        isDefault || book.defaultAddressId === undefined ? addressId : book.defaultAddressId;
      return { book: { ...book, addresses, defaultAddressId }, addressId };
    });
  }

  /** Changes some fields; `null` clears an optional one; `isDefault` sets or unsets the default. */
  async update(userId: string, addressId: string, patch: AddressUpdate): Promise<Address> {
    const { isDefault, ...fields } = patch;
    return this.change(userId, (book) => {
      const current = book.addresses.find((address) => address.addressId === addressId);
      if (!current) throw notFound('The address');
      const next: StoredAddress = { ...current };
      for (const [field, value] of Object.entries(fields) as [keyof ShippingAddress, unknown][]) {
        if (value === null) delete next[field as (typeof OPTIONAL_FIELDS)[number]];
        else if (value !== undefined) (next as Record<string, unknown>)[field] = value;
      }
      let defaultAddressId = book.defaultAddressId;
      if (isDefault === true) defaultAddressId = addressId;
      else if (isDefault === false && defaultAddressId === addressId) defaultAddressId = undefined;
      const addresses = book.addresses.map((address) =>
        address.addressId === addressId ? next : address,
      );
      return { book: { ...book, addresses, defaultAddressId }, addressId };
    });
  }

  /** Removes an address; when it was the default, the oldest remaining one becomes the default. */
  async delete(userId: string, addressId: string): Promise<void> {
    await this.change(userId, (book) => {
      if (!book.addresses.some((address) => address.addressId === addressId)) {
        throw notFound('The address');
      }
      const addresses = book.addresses.filter((address) => address.addressId !== addressId);
      const defaultAddressId =
        book.defaultAddressId === addressId ? addresses[0]?.addressId : book.defaultAddressId;
      return { book: { ...book, addresses, defaultAddressId }, addressId: undefined };
    });
  }

  private async read(userId: string): Promise<Book> {
    const { Item } = await this.ctx.entities.AddressBookEntity.build(GetItemCommand)
      .key({ userId: addressBookId(userId) })
      .options({ consistent: true })
      .send();
    return Item
      ? {
          addresses: Item.addresses,
          version: Item.version,
          ...(Item.defaultAddressId ? { defaultAddressId: Item.defaultAddressId } : {}),
        }
      : { addresses: [], version: 0 };
  }

  /** Read, change, write on the condition that nobody wrote in between; retried a few times. */
  private async change<T extends string | undefined>(
    userId: string,
    apply: (book: Book) => { book: Book; addressId: T },
  ): Promise<T extends string ? Address : undefined> {
    for (let attempt = 1; ; attempt += 1) {
      const current = await this.read(userId);
      const { book, addressId } = apply(current);
      try {
        await this.ctx.entities.AddressBookEntity.build(PutItemCommand)
          .item({
            userId: addressBookId(userId),
            addresses: book.addresses,
            version: current.version + 1,
            ...(book.defaultAddressId ? { defaultAddressId: book.defaultAddressId } : {}),
          })
          .options({
            condition:
              current.version === 0
                ? { attr: 'userId', exists: false }
                : { attr: 'version', eq: current.version },
          })
          .send();
      } catch (error) {
        const conflict = (error as { name?: string })?.name === 'ConditionalCheckFailedException';
        if (conflict && attempt < MAX_WRITE_ATTEMPTS) continue;
        if (conflict) {
          throw new DomainError('CONFLICT', 'The address book changed meanwhile; try again');
        }
        throw error;
      }
      const saved = book.addresses.find((address) => address.addressId === addressId);
      return (saved ? toAddress(saved, book.defaultAddressId) : undefined) as T extends string
        ? Address
        : undefined;
    }
  }
}

function withoutEmpty(fields: ShippingAddress): ShippingAddress {
  const copy = { ...fields };
  for (const field of OPTIONAL_FIELDS) if (!copy[field]) delete copy[field];
  return copy;
}
