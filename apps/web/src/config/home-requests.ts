/**
 * The API requests the home page (the catalog, all products) starts with. The build preloads them
 * from index.html (apps/web/vite.config.ts), so they travel beside the JavaScript instead of after
 * it; the query functions ask for exactly these URLs (app/home-requests.test.ts holds them equal),
 * which is what lets the browser answer them from the preloads. Free of imports: the Vite config
 * reads it under Node.
 */

/** Products per catalog page (the first page is the home page's). */
export const PRODUCTS_PAGE_SIZE = 12;

export const HOME_API_REQUESTS = [
  `/api/products?limit=${PRODUCTS_PAGE_SIZE}`,
  '/api/categories',
] as const;
