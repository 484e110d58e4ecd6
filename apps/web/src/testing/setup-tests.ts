import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { accountCartCount } from '../features/cart/stores/account-cart-count';
import { guestCart } from '../features/cart/stores/guest-cart';
import { queryClient } from '../lib/query-client';
import { session } from '../lib/session';
import { server } from './server';

// Any request a test did not plan for is a failure, not a silent network call.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));

afterEach(() => {
  cleanup();
  server.resetHandlers();
  session.signOut();
  guestCart.clear();
  accountCartCount.set(null);
  localStorage.clear();
  queryClient.clear();
  vi.useRealTimers();
});

afterAll(() => server.close());

// jsdom has no layout: scrolling is a no-op the app may call on navigation.
window.scrollTo = () => undefined;
