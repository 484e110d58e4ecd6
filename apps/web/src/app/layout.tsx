import { useLayoutEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { CartLink } from '../features/cart/components/cart-link';
import { SearchForm } from '../features/products/components/search-form';
import { PageHeading } from '../components/ui/page-heading';
import { Toaster } from '../components/ui/toast';
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
        <NavLink to="/register" className="header__optional">
          Register
        </NavLink>
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
            <svg className="brand__mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M5 8h14l-1.2 11.1a1 1 0 0 1-1 .9H7.2a1 1 0 0 1-1-.9z" />
              <path d="M9 8V6.5a3 3 0 0 1 6 0V8" fill="none" />
            </svg>
            Mini-ecommerce
          </Link>
          <SearchForm />
          <nav className="header__nav" aria-label="Main">
            <NavLink to="/" end className="header__optional">
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
        <div className="footer__inner">
          <p>
            <strong>Mini-ecommerce</strong> · an open-source demo shop on AWS
          </p>
        </div>
      </footer>
      <Toaster />
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
