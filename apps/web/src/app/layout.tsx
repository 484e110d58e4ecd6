import { useLayoutEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { CartLink } from '../features/cart/components/cart-link';
import { SearchForm } from '../features/products/components/search-form';
import { PageHeading } from '../components/ui/page-heading';
import { navigationFocus } from '../lib/navigation-focus';
import { session, useSession } from '../lib/session';

/** Marks each client-side navigation so the next page's heading takes focus (see PageHeading). */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  // A layout effect runs before the new page's (passive) effects, so the mark is there when its heading mounts.
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    navigationFocus.markNavigation();
  }, [pathname]);
}

function AccountNav() {
  const current = useSession();
  const navigate = useNavigate();
  if (!current) {
    return (
      <>
        <NavLink to="/sign-in">Sign in</NavLink>
        <NavLink to="/register">Register</NavLink>
      </>
    );
  }
  return (
    <>
      <NavLink to="/orders">Orders</NavLink>
      {current.user.role === 'admin' ? <NavLink to="/admin">Admin</NavLink> : null}
      <span className="header__user" title={current.user.email}>
        {current.user.name}
      </span>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          session.signOut();
          void navigate('/');
        }}
      >
        Sign out
      </button>
    </>
  );
}

export function Layout() {
  useFocusOnNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="header">
        <div className="header__inner">
          <Link to="/" className="brand">
            Mini-ecommerce
          </Link>
          <SearchForm />
          <nav className="header__nav" aria-label="Main">
            <NavLink to="/" end>
              Shop
            </NavLink>
            <AccountNav />
            <CartLink />
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main">
        <Outlet />
      </main>
      <footer className="footer">
        <p>Mini-ecommerce · an open-source demo shop</p>
      </footer>
    </>
  );
}

export function PageLoading() {
  return (
    <p className="status status--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      Loading…
    </p>
  );
}

export function PageError() {
  return (
    <>
      <PageHeading>Something went wrong</PageHeading>
      <p>
        This page could not be shown. If the shop was just updated, reloading the page usually
        helps.
      </p>
      <p>
        <a href="/">Back to the shop</a>
      </p>
    </>
  );
}
