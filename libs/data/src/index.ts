import type { Environment } from '@mini-ecommerce/stack-model';
import type { OrderNumber } from '@mini-ecommerce/domain';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoClients, type DynamoClientOptions } from './client';
import { tableNamesFor, type TableNames } from './config';
import { createEntities } from './entities';
import { createToolboxTables } from './tables';
import { AddressRepository } from './repositories/addresses';
import { CartRepository } from './repositories/cart';
import { OrderRepository } from './repositories/orders';
import { ProductRepository } from './repositories/products';
import { UserRepository } from './repositories/users';
import { ShopSummaryRepository } from './repositories/shop-summary';
import type { DataContext } from './context';

export { createDynamoClients, type DynamoClientOptions, type DynamoClients } from './client';
export { tableNamesFor, type TableNames } from './config';
export { createTableInput, provisionTables } from './provision';
export { createToolboxTables } from './tables';
export { AddressRepository } from './repositories/addresses';
export { CartRepository } from './repositories/cart';
export {
  OrderRepository,
  type PlaceOrderOptions,
  type PlaceOrderResult,
  type StoredOrder,
  type TransactWriteItem,
} from './repositories/orders';
export { FEED_SHARDS, feedPartitions, newOrderNumber } from './repositories/order-feeds';
export { ProductRepository } from './repositories/products';
export { UserRepository, type NewUser } from './repositories/users';
export { ShopSummaryRepository, SALES_SHARDS } from './repositories/shop-summary';
export { isUnavailableError } from './unavailable';
export { emptyCapacityTally, withCapacityTally, type CapacityUse } from './capacity';

export interface DataLayerOptions extends DynamoClientOptions {
  env: Environment;
  /** Overrides the physical table names (tests use a suffix per file). */
  tableNames?: TableNames;
  now?: () => Date;
  /** Where order numbers come from (tests force collisions). */
  orderNumbers?: () => OrderNumber;
}

export interface DataLayer {
  products: ProductRepository;
  users: UserRepository;
  addresses: AddressRepository;
  cart: CartRepository;
  orders: OrderRepository;
  summary: ShopSummaryRepository;
  names: TableNames;
  clients: ReturnType<typeof createDynamoClients>;
  /** Resolves when DynamoDB answers (readiness). */
  ping(): Promise<void>;
  close(): void;
}

export function createDataLayer(options: DataLayerOptions): DataLayer {
  const clients = createDynamoClients(options);
  const names = options.tableNames ?? tableNamesFor(options.env);
  const tables = createToolboxTables(clients.documentClient, names);
  const ctx: DataContext = {
    documentClient: clients.documentClient,
    names,
    tables,
    entities: createEntities(tables),
    now: options.now ?? (() => new Date()),
  };
  const products = new ProductRepository(ctx);
  const cart = new CartRepository(ctx);
  const orders = new OrderRepository(ctx, products, cart, options.orderNumbers);
  return {
    products,
    users: new UserRepository(ctx),
    addresses: new AddressRepository(ctx),
    cart,
    orders,
    summary: new ShopSummaryRepository(ctx, products, orders),
    names,
    clients,
    ping: async () => {
      await clients.client.send(new ListTablesCommand({ Limit: 1 }));
    },
    close: () => clients.destroy(),
  };
}
