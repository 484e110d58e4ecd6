import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { ErrorBoundary } from '../components/ui/error-boundary';
import { RequireAdmin, RequireAuth } from './guards';
import { Layout, PageError, PageLoading } from './layout';

/**
 * Every page is its own chunk, fetched on first visit together with the data layer
 * (in parallel, not one after the other).
 */
function page(load: () => Promise<{ default: ComponentType }>) {
  return lazy(async () => {
    const [{ default: Content }, { DataProvider }] = await Promise.all([
      load(),
      import('./data-provider'),
    ]);
    function DataPage() {
      return (
        <DataProvider>
          <Content />
        </DataProvider>
      );
    }
    return { default: DataPage };
  });
}

const Catalog = page(() => import('./routes/catalog'));
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
function Page({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary key={pathname} fallback={<PageError />}>
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route
          index
          element={
            <Page>
              <Catalog />
            </Page>
          }
        />
        <Route
          path="search"
          element={
            <Page>
              <Search />
            </Page>
          }
        />
        <Route
          path="products/:productId"
          element={
            <Page>
              <Product />
            </Page>
          }
        />
        <Route
          path="cart"
          element={
            <Page>
              <Cart />
            </Page>
          }
        />
        <Route
          path="sign-in"
          element={
            <Page>
              <SignIn />
            </Page>
          }
        />
        <Route
          path="register"
          element={
            <Page>
              <Register />
            </Page>
          }
        />
        <Route element={<RequireAuth />}>
          <Route
            path="checkout"
            element={
              <Page>
                <Checkout />
              </Page>
            }
          />
          <Route
            path="checkout/confirmation/:orderId"
            element={
              <Page>
                <OrderConfirmation />
              </Page>
            }
          />
          <Route
            path="orders"
            element={
              <Page>
                <Orders />
              </Page>
            }
          />
          <Route
            path="orders/:orderId"
            element={
              <Page>
                <Order />
              </Page>
            }
          />
        </Route>
        <Route path="admin" element={<RequireAdmin />}>
          <Route
            index
            element={
              <Page>
                <AdminDashboard />
              </Page>
            }
          />
          <Route
            path="products"
            element={
              <Page>
                <AdminProducts />
              </Page>
            }
          />
          <Route
            path="products/new"
            element={
              <Page>
                <AdminProductNew />
              </Page>
            }
          />
          <Route
            path="products/:productId"
            element={
              <Page>
                <AdminProductEdit />
              </Page>
            }
          />
          <Route
            path="orders"
            element={
              <Page>
                <AdminOrders />
              </Page>
            }
          />
        </Route>
        <Route
          path="*"
          element={
            <Page>
              <NotFound />
            </Page>
          }
        />
      </Route>
    </Routes>
  );
}
