import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError, User, toPublicUser } from '@mini-ecommerce/domain';
import { errorResponses, signedIn } from '../../lib/schemas';
import addressRoutes from './addresses';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me',
    signedIn(app.authenticate, {
      tags: ['users'],
      summary: "The caller's public profile",
      response: { 200: User, ...errorResponses('UNAUTHORIZED') },
    }),
    // authenticate has read the account for this request.
    async (request) => {
      const { account } = request.user;
      if (!account) throw new DomainError('UNAUTHORIZED', 'This account no longer exists');
      return toPublicUser(account);
    },
  );

  await app.register(addressRoutes, { prefix: '/me/addresses' });
};

export default routes;
