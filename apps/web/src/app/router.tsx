import { lazy, Suspense, type ComponentType } from 'react';
import { Outlet, Route, Routes, useLocation } from 'react-router';
import { ErrorBoundary } from '../components/ui/error-boundary';
import { DataProvider } from './data-provider';
import { RequireAdmin, RequireAuth } from './guards';
import { Layout, PageError, PageLoading } from './layout';
import CatalogRoute from './routes/catalog';

/** A page inside the data layer (TanStack Query and the shared client). */
function withData(Content: ComponentType) {
  function DataPage() {
    return (
      <DataProvider>
        <Content />
      </DataProvider>
    );
  }
  return DataPage;
}

/** Every page but the home page is its own chunk, fetched on first visit. */
function page(load: () => Promise<{ default: ComponentType }>) {
  return lazy(async () => ({ default: withData((await load()).default) }));
}

/**
 * The home page (the catalog) and the data layer are part of the entry bundle, which index.html
 * loads in parallel: lazy chunks would be a second round of requests, started only once the
 * entry has run, before the page could even ask for its products.
 */
const Catalog = withData(CatalogRoute);
const Product = page(() => import('./routes/product'));
const Search = page(() => import('./routes/search'));
const Cart = page(() => import('./routes/cart'));
const SignIn = page(() => import('./routes/sign-in'));
const Register = page(() => import('./routes/register'));
const Checkout = page(() => import('./routes/checkout'));
const OrderConfirmation = page(() => import('./routes/order-confirmation'));
const Orders = page(() => import('./routes/orders'));
const Order = page(() => import('./routes/order'));
const AdminDashboard = page(() => import('./routes/admin/dashboard'));
const AdminProducts = page(() => import('./routes/admin/products'));
const AdminProductNew = page(() => import('./routes/admin/product-new'));
const AdminProductEdit = page(() => import('./routes/admin/product-edit'));
const AdminOrders = page(() => import('./routes/admin/orders'));
const NotFound = page(() => import('./routes/not-found'));

/** Loading and error states shared by every page; a new address clears a previous failure. */
function PageFrame() {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary key={pathname} fallback={<PageError />}>
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </ErrorBoundary>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route element={<PageFrame />}>
          <Route index element={<Catalog />} />
          <Route path="search" element={<Search />} />
          <Route path="products/:productId" element={<Product />} />
          <Route path="cart" element={<Cart />} />
          <Route path="sign-in" element={<SignIn />} />
          <Route path="register" element={<Register />} />
          <Route element={<RequireAuth />}>
            <Route path="checkout" element={<Checkout />} />
            <Route path="checkout/confirmation/:orderId" element={<OrderConfirmation />} />
            <Route path="orders" element={<Orders />} />
            <Route path="orders/:orderId" element={<Order />} />
          </Route>
          <Route path="admin" element={<RequireAdmin />}>
            <Route index element={<AdminDashboard />} />
            <Route path="products" element={<AdminProducts />} />
            <Route path="products/new" element={<AdminProductNew />} />
            <Route path="products/:productId" element={<AdminProductEdit />} />
            <Route path="orders" element={<AdminOrders />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}
