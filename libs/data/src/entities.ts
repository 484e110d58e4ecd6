import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import type { ToolboxTables } from './tables';

/**
 * The stored shapes. They stay separate from the zod schemas of the API contract (libs/domain);
 * repositories convert between them.
 */
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
      role: string().enum('customer', 'admin'),
      passwordHash: string(),
      createdAt: string(),
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

  /** Failed logins for one email in one fixed window; expires by TTL. */
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
   * Orders, and the admin feed copies of orders (keyed `#FEED#...`, with `userId` set to a feed
   * partition) so that the admin listing is a Query on UserOrdersIndex rather than a Scan.
   */
  const OrderEntity = new Entity({
    name: 'Order',
    table: tables.orders,
    timestamps: false,
    schema: item({
      orderId: string().key(),
      userId: string(),
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
      status: string().enum('PLACED', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'),
      createdAt: string(),
      updatedAt: string(),
      /** Feed copies only: the order they mirror and its owner (their own keys are the feed's). */
      sourceOrderId: string().optional(),
      ownerId: string().optional(),
    }),
  });

  return {
    ProductEntity,
    UserEntity,
    EmailClaimEntity,
    LoginFailuresEntity,
    CartLineEntity,
    OrderEntity,
  };
}

export type Entities = ReturnType<typeof createEntities>;
