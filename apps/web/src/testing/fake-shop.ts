import { http, HttpResponse } from 'msw';
import type {
  Address,
  Cart,
  Order,
  OrderStatus,
  PlaceOrderBody,
  Product,
  ShippingAddress,
  User,
} from '@mini-ecommerce/domain';
import { catalogHandlers, errorResponse } from './server';
import { orderNumberFor, tokenFor } from './fixtures';

interface Account {
  user: User;
  password: string;
  token: string;
  cart: Map<string, number>;
  addresses: Address[];
}

/**
 * An in-memory stand-in for the API, enough to drive whole flows through the pages:
 * accounts and tokens, carts, orders with stock checks and idempotency keys, admin calls.
 */
export function fakeShop({
  products,
  accounts = [],
}: {
  products: Product[];
  accounts?: { user: User; password: string }[];
}) {
  const catalog = products.map((p) => ({ ...p }));
  const byToken = new Map<string, Account>();
  const byEmail = new Map<string, Account>();
  const orders: Order[] = [];
  const idempotency = new Map<string, Order>();
  const requests: { method: string; path: string; body?: unknown; headers: Headers }[] = [];

  function addAccount(user: User, password: string): Account {
    const account: Account = {
      user,
      password,
      token: tokenFor(user),
      cart: new Map<string, number>(),
      addresses: [],
    };
    byToken.set(account.token, account);
    byEmail.set(user.email, account);
    return account;
  }
  for (const a of accounts) addAccount(a.user, a.password);

  function caller(request: Request): Account | undefined {
    const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
    return token ? byToken.get(token) : undefined;
  }

  function cartOf(account: Account): Cart {
    const items = [...account.cart].flatMap(([productId, quantity]) => {
      const product = catalog.find((p) => p.productId === productId);
      return product ? [{ productId, quantity, product }] : [];
    });
    return {
      items,
      subtotal: items.reduce((s, l) => s + l.product.price * l.quantity, 0),
      currency: 'USD',
    };
  }

  async function record(request: Request) {
    const url = new URL(request.url);
    const json = request.headers.get('content-type')?.includes('application/json');
    const text = json ? await request.clone().text() : '';
    requests.push({
      method: request.method,
      path: `${url.pathname}${url.search}`,
      body: text ? JSON.parse(text) : undefined,
      headers: request.headers,
    });
  }

  const unauthorized = () => errorResponse(401, 'UNAUTHORIZED', 'Sign in to continue');

  const handlers = [
    http.all('*', async ({ request }) => {
      await record(request);
      // Fall through to the handler for this route.
      return undefined;
    }),
    ...catalogHandlers(catalog),
    http.post('/api/auth/login', async ({ request }) => {
      const { email, password } = (await request.json()) as { email: string; password: string };
      const account = byEmail.get(email.toLowerCase());
      if (!account || account.password !== password)
        return errorResponse(401, 'UNAUTHORIZED', 'Wrong email or password');
      return HttpResponse.json({ user: account.user, token: account.token });
    }),
    http.post('/api/auth/register', async ({ request }) => {
      const { email, password, name } = (await request.json()) as {
        email: string;
        password: string;
        name: string;
      };
      if (byEmail.has(email.toLowerCase()))
        return errorResponse(409, 'CONFLICT', 'That email is taken');
      const user: User = {
        userId: `u-${byEmail.size + 1}`,
        email: email.toLowerCase(),
        name,
        role: 'customer',
        createdAt: new Date().toISOString(),
      };
      const account = addAccount(user, password);
      return HttpResponse.json({ user, token: account.token }, { status: 201 });
    }),
    http.get('/api/cart', ({ request }) => {
      const account = caller(request);
      return account ? HttpResponse.json(cartOf(account)) : unauthorized();
    }),
    http.put('/api/cart/items/:productId', async ({ request, params }) => {
      const account = caller(request);
      if (!account) return unauthorized();
      const { quantity } = (await request.json()) as { quantity: number };
      const productId = String(params['productId']);
      if (!catalog.some((p) => p.productId === productId))
        return errorResponse(404, 'NOT_FOUND', 'Product was not found');
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > 99)
        return errorResponse(400, 'VALIDATION_ERROR', 'quantity must be 1..99');
      // As the API: more than the stock is refused, naming what is available.
      const product = catalog.find((p) => p.productId === productId)!;
      if (quantity > product.stock) {
        const products = [
          { productId, name: product.name, requested: quantity, available: product.stock },
        ];
        return errorResponse(409, 'INSUFFICIENT_STOCK', `Not enough stock for: ${product.name}`, {
          products,
        });
      }
      account.cart.set(productId, quantity);
      return HttpResponse.json(cartOf(account));
    }),
    http.delete('/api/cart/items/:productId', ({ request, params }) => {
      const account = caller(request);
      if (!account) return unauthorized();
      account.cart.delete(String(params['productId']));
      return new HttpResponse(null, { status: 204 });
    }),
    http.get('/api/users/me/addresses', ({ request }) => {
      const account = caller(request);
      return account ? HttpResponse.json({ items: account.addresses }) : unauthorized();
    }),
    http.post('/api/users/me/addresses', async ({ request }) => {
      const account = caller(request);
      if (!account) return unauthorized();
      const { isDefault, ...fields } = (await request.json()) as ShippingAddress & {
        isDefault?: boolean;
      };
      if (account.addresses.length >= 5)
        return errorResponse(409, 'CONFLICT', 'An account keeps at most 5 addresses');
      const first = account.addresses.length === 0;
      if (isDefault) for (const a of account.addresses) a.isDefault = false;
      const address: Address = {
        ...fields,
        addressId: `addr-${account.addresses.length + 1}`,
        isDefault: first || Boolean(isDefault),
      };
      account.addresses.push(address);
      return HttpResponse.json(address, { status: 201 });
    }),
    http.post('/api/orders', async ({ request }) => {
      const account = caller(request);
      if (!account) return unauthorized();
      const body = (await request
        .clone()
        .json()
        .catch(() => ({}))) as Partial<PlaceOrderBody>;
      const saved = account.addresses.find((a) => a.addressId === body.addressId);
      const shippingAddress = saved
        ? (({ addressId: _id, isDefault: _default, ...fields }) => fields)(saved)
        : body.address;
      if (!shippingAddress)
        return errorResponse(400, 'VALIDATION_ERROR', 'send the delivery address');
      const key = request.headers.get('idempotency-key');
      const seen = key ? idempotency.get(`${account.user.userId}:${key}`) : undefined;
      if (seen) return HttpResponse.json(seen, { status: 201 });
      const cart = cartOf(account);
      if (cart.items.length === 0)
        return errorResponse(400, 'VALIDATION_ERROR', 'Your cart is empty');
      const short = cart.items.filter((l) => l.quantity > l.product.stock);
      if (short.length > 0) {
        const products = short.map((l) => ({
          productId: l.productId,
          name: l.product.name,
          requested: l.quantity,
          available: l.product.stock,
        }));
        return errorResponse(
          409,
          'INSUFFICIENT_STOCK',
          `Not enough stock for: ${products.map((p) => p.name).join(', ')}`,
          { products },
        );
      }
      for (const line of cart.items) {
        const product = catalog.find((p) => p.productId === line.productId)!;
        product.stock -= line.quantity;
      }
      const orderId = `ord-${orders.length + 1}`;
      const order = {
        orderId,
        orderNumber: orderNumberFor(orderId),
        userId: account.user.userId,
        customer: { name: account.user.name, email: account.user.email },
        items: cart.items.map((l) => ({
          productId: l.productId,
          name: l.product.name,
          unitPrice: l.product.price,
          quantity: l.quantity,
          lineTotal: l.product.price * l.quantity,
        })),
        total: cart.subtotal,
        currency: 'USD',
        status: 'PLACED',
        shippingAddress,
        createdAt: new Date().toISOString(),
      } as Order;
      orders.unshift(order);
      account.cart.clear();
      if (key) idempotency.set(`${account.user.userId}:${key}`, order);
      return HttpResponse.json(order, { status: 201 });
    }),
    http.get('/api/orders', ({ request }) => {
      const account = caller(request);
      if (!account) return unauthorized();
      return HttpResponse.json({
        items: orders.filter((o) => o.userId === account.user.userId),
        nextCursor: null,
      });
    }),
    http.get('/api/orders/:orderId', ({ request, params }) => {
      const account = caller(request);
      if (!account) return unauthorized();
      const found = orders.find(
        (o) => o.orderId === params['orderId'] && o.userId === account.user.userId,
      );
      return found
        ? HttpResponse.json(found)
        : errorResponse(404, 'NOT_FOUND', 'Order was not found');
    }),
    http.get('/api/admin/summary', ({ request }) => {
      const account = caller(request);
      if (!account) return unauthorized();
      if (account.user.role !== 'admin') return errorResponse(403, 'FORBIDDEN', 'Admins only');
      const threshold = Number(new URL(request.url).searchParams.get('lowStock') ?? 5);
      const live = orders.filter((o) => o.status !== 'CANCELLED');
      const sales = live.length
        ? [{ currency: 'USD', orders: live.length, revenue: live.reduce((s, o) => s + o.total, 0) }]
        : [];
      const waiting = (status: OrderStatus) => orders.filter((o) => o.status === status).length;
      return HttpResponse.json({
        generatedAt: new Date().toISOString(),
        today: sales,
        last7Days: sales,
        waitingToShip: {
          PLACED: waiting('PLACED'),
          PAID: waiting('PAID'),
          total: waiting('PLACED') + waiting('PAID'),
        },
        lowStock: {
          threshold,
          items: catalog.filter((p) => p.stock <= threshold).sort((a, b) => a.stock - b.stock),
        },
        newestOrders: orders.slice(0, 10),
      });
    }),
    http.get('/api/admin/orders', ({ request }) => {
      const account = caller(request);
      if (!account) return unauthorized();
      if (account.user.role !== 'admin') return errorResponse(403, 'FORBIDDEN', 'Admins only');
      const status = new URL(request.url).searchParams.get('status');
      return HttpResponse.json({
        items: orders.filter((o) => !status || o.status === status),
        nextCursor: null,
      });
    }),
    http.patch('/api/orders/:orderId', async ({ request, params }) => {
      const account = caller(request);
      if (account?.user.role !== 'admin') return errorResponse(403, 'FORBIDDEN', 'Admins only');
      const { status } = (await request.json()) as { status: OrderStatus };
      const found = orders.find((o) => o.orderId === params['orderId']);
      if (!found) return errorResponse(404, 'NOT_FOUND', 'Order was not found');
      found.status = status;
      return HttpResponse.json(found);
    }),
    http.post('/api/products', async ({ request }) => {
      if (caller(request)?.user.role !== 'admin')
        return errorResponse(403, 'FORBIDDEN', 'Admins only');
      const input = (await request.json()) as Omit<
        Product,
        'productId' | 'createdAt' | 'updatedAt'
      >;
      const now = new Date().toISOString();
      const created: Product = {
        ...input,
        productId: `new-${catalog.length + 1}`,
        createdAt: now,
        updatedAt: now,
      };
      catalog.push(created);
      return HttpResponse.json(created, { status: 201 });
    }),
    http.patch('/api/products/:productId', async ({ request, params }) => {
      if (caller(request)?.user.role !== 'admin')
        return errorResponse(403, 'FORBIDDEN', 'Admins only');
      const found = catalog.find((p) => p.productId === params['productId']);
      if (!found) return errorResponse(404, 'NOT_FOUND', 'Product was not found');
      Object.assign(found, (await request.json()) as Partial<Product>, {
        updatedAt: new Date(Date.now() + 1000).toISOString(),
      });
      return HttpResponse.json(found);
    }),
    http.delete('/api/products/:productId', ({ request, params }) => {
      if (caller(request)?.user.role !== 'admin')
        return errorResponse(403, 'FORBIDDEN', 'Admins only');
      const index = catalog.findIndex((p) => p.productId === params['productId']);
      if (index >= 0) catalog.splice(index, 1);
      return new HttpResponse(null, { status: 204 });
    }),
    http.post('/api/products/:productId/image-upload', async ({ request, params }) => {
      if (caller(request)?.user.role !== 'admin')
        return errorResponse(403, 'FORBIDDEN', 'Admins only');
      const { contentType } = (await request.json()) as { contentType: string };
      const id = String(params['productId']);
      return HttpResponse.json({
        uploadUrl: `https://uploads.example.com/products/${id}/photo.png?contentType=${encodeURIComponent(contentType)}&signature=s`,
        imageUrl: `https://images.example.com/products/${id}/photo.png`,
        expiresAt: new Date(Date.now() + 600_000).toISOString(),
      });
    }),
    http.put('https://uploads.example.com/products/:productId/photo.png', () => {
      return new HttpResponse(null, { status: 200 });
    }),
  ];

  return {
    handlers,
    catalog,
    orders,
    requests,
    accountByEmail: (email: string) => byEmail.get(email),
    addAccount,
    cartOf,
  };
}
