import { useLayoutEffect } from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import type { User } from '@mini-ecommerce/domain';
import { AppRoutes } from '../app/router';
import { session } from '../lib/session';
import { tokenFor } from './fixtures';

const probe = { location: '' };

// A layout effect runs in the same commit as the DOM change, so a test that has just found the new
// page's text reads the new location too (a passive effect may run after the test has looked).
function LocationProbe() {
  const location = useLocation();
  useLayoutEffect(() => {
    probe.location = `${location.pathname}${location.search}`;
  }, [location]);
  return null;
}

/** Renders the whole app (layout and routes) at `path`, optionally signed in. */
export function renderRoute(path: string, { user }: { user?: User } = {}) {
  if (user) session.signIn({ user, token: tokenFor(user) });
  const result = render(
    <MemoryRouter initialEntries={[path]}>
      <AppRoutes />
      <LocationProbe />
    </MemoryRouter>,
  );
  return { ...result, user: userEvent.setup(), location: () => probe.location };
}
