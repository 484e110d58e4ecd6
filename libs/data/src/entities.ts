import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { record } from 'dynamodb-toolbox/schema/record';
import { string } from 'dynamodb-toolbox/schema/string';
import { ORDER_STATUSES, ROLES } from '@mini-ecommerce/domain';
import type { ToolboxTables } from './tables';

/**
 * The stored shapes. They stay separate from the zod schemas of the API contract (libs/domain);
 * repositories convert between them.
 */
const addressFields = () => ({
  name: string(),
  line1: string(),
  line2: string().optional(),
  city: string(),
  postalCode: string(),
  region: string().optional(),
  country: string(),
  phone: string().optional(),
});
const shippingAddress = () => map(addressFields());

export function createEntities(tables: ToolboxTables) {
  const ProductEntity = new Entity({
    name: 'Product',
    table: tables.products,
    timestamps: false,
    schema: item({
      productId: string().key(),
      name: string(),
      description: string(),
      category: string(),
      price: number(),
      currency: string(),
      stock: number(),
      imageUrl: string().optional(),
      createdAt: string(),
      updatedAt: string(),
    }),
  });

  const UserEntity = new Entity({
    name: 'User',
    table: tables.users,
    timestamps: false,
    schema: item({
      userId: string().key(),
      email: string(),
      name: string(),
      role: string().enum(...ROLES),
      passwordHash: string(),
      createdAt: string(),
      tokenVersion: number().optional(),
    }),
  });

  /** Guards email uniqueness: written in the same transaction as the user, keyed by the email. */
  const EmailClaimEntity = new Entity({
    name: 'EmailClaim',
    table: tables.users,
    timestamps: false,
    schema: item({
      userId: string().key(),
      ownerId: string(),
    }),
  });

  /** Sign-in attempts for one email (from one client, or from all) in one fixed window; expires by TTL. */
  const LoginFailuresEntity = new Entity({
    name: 'LoginFailures',
    table: tables.users,
    timestamps: false,
    schema: item({
      userId: string().key(),
      failures: number(),
      expiresAt: number(),
    }),
  });

  /** A user's address book: one item (keyed `#ADDRESSES#<userId>`) so the limit and the default hold under concurrent edits. */
  const AddressBookEntity = new Entity({
    name: 'AddressBook',
    table: tables.users,
    timestamps: false,
    schema: item({
      userId: string().key(),
      addresses: list(map({ addressId: string(), ...addressFields() })),
      defaultAddressId: string().optional(),
      version: number(),
    }),
  });

  const CartLineEntity = new Entity({
    name: 'CartLine',
    table: tables.cart,
    timestamps: false,
    schema: item({
      userId: string().key(),
      productId: string().key(),
      quantity: number(),
      updatedAt: string(),
    }),
  });

  /**
   * Orders, and the admin feed copies of orders (keyed `#N#<orderNumber>`, with `userId` set to a
   * sharded feed partition, see repositories/order-feeds.ts) so that the admin listing is a Query
   * on UserOrdersIndex rather than a Scan.
   */
  const OrderEntity = new Entity({
    name: 'Order',
    table: tables.orders,
    timestamps: false,
    schema: item({
      orderId: string().key(),
      userId: string(),
      /** Absent on orders placed before numbers existed. */
      orderNumber: string().optional(),
      customer: map({ name: string(), email: string() }).optional(),
      items: list(
        map({
          productId: string(),
          name: string(),
          unitPrice: number(),
          quantity: number(),
          lineTotal: number(),
        }),
      ),
      total: number(),
      currency: string(),
      status: string().enum(...ORDER_STATUSES),
      shippingAddress: shippingAddress().optional(),
      createdAt: string(),
      updatedAt: string(),
      /** Feed copies only: the order they mirror and its owner (their own keys are the feed's). */
      sourceOrderId: string().optional(),
      ownerId: string().optional(),
    }),
  });

  /**
   * Sales of one day in one currency, counted in one of several shards (a random one per order)
   * so that no single item takes every order's write. Indexed on UserOrdersIndex under
   * `#STATS#<shard>` with the day as sort key, so a week is one Query per shard.
   */
  const DaySalesEntity = new Entity({
    name: 'DaySales',
    table: tables.orders,
    timestamps: false,
    schema: item({
      orderId: string().key(),
      userId: string(),
      createdAt: string(),
      day: string(),
      currency: string(),
      orders: number(),
      revenue: number(),
    }),
  });

  /**
   * A product whose stock went low, listed in CategoryIndex under `#LOW_STOCK` (a category no
   * product can have). Written with the stock change; the dashboard checks the real stock.
   */
  const StockWatchEntity = new Entity({
    name: 'StockWatch',
    table: tables.products,
    timestamps: false,
    schema: item({
      productId: string().key(),
      category: string(),
      watchedId: string(),
    }),
  });

  /**
   * The catalog's one counters item (keyed `#CATEGORY_COUNTS`, see repositories/category-counts.ts):
   * the number of products per category and a version bumped by every product write, both moved
   * with `$add` in the product write's own transaction.
   */
  const CategoryCountsEntity = new Entity({
    name: 'CategoryCounts',
    table: tables.products,
    timestamps: false,
    schema: item({
      productId: string().key(),
      counts: record(string(), number()),
      catalogVersion: number(),
    }),
  });

  return {
    ProductEntity,
    CategoryCountsEntity,
    StockWatchEntity,
    DaySalesEntity,
    UserEntity,
    EmailClaimEntity,
    LoginFailuresEntity,
    AddressBookEntity,
    CartLineEntity,
    OrderEntity,
  };
}

export type Entities = ReturnType<typeof createEntities>;
