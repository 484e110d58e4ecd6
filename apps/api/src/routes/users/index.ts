import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError, User, toPublicUser } from '@mini-ecommerce/domain';
import { bearerAuth, errorResponses } from '../../lib/schemas';
import addressRoutes from './addresses';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['users'],
        summary: "The caller's public profile",
        security: bearerAuth,
        response: { 200: User, ...errorResponses('UNAUTHORIZED') },
      },
    },
    async (request) => {
      const user = await app.data.users.getById(request.user.userId);
      if (!user) throw new DomainError('UNAUTHORIZED', 'This account no longer exists');
      return toPublicUser(user);
    },
  );

  await app.register(addressRoutes, { prefix: '/me/addresses' });
};

export default routes;
