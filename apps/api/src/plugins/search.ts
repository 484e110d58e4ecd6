import fp from 'fastify-plugin';
import { ProductSearch } from '../lib/product-search';

declare module 'fastify' {
  interface FastifyInstance {
    productSearch: ProductSearch;
  }
}

/** The product search index: built when the app is ready, refreshed until it closes. */
export default fp(
  async (app) => {
    const search = new ProductSearch(app.data.products, {
      refreshMs: app.config.searchRefreshMs,
      log: app.log,
    });
    app.decorate('productSearch', search);
    app.addHook('onReady', () => search.start());
    app.addHook('onClose', async () => search.stop());
  },
  { name: 'search', dependencies: ['config', 'repositories'] },
);
