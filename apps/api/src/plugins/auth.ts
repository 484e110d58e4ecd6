import fp from 'fastify-plugin';
import jwt from '@fastify/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type Role, type StoredUser } from '@mini-ecommerce/domain';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sub: string; role: Role };
    user: { userId: string; role: Role };
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler: a valid bearer token is required. */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** preHandler: the caller must be an admin now (checked against the users table, not only the token). */
    requireAdmin: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    issueToken: (user: StoredUser) => Promise<string>;
  }
}

export default fp(
  async (app) => {
    await app.register(jwt, {
      secret: app.config.jwtSecret,
      sign: { algorithm: 'HS256', expiresIn: app.config.jwtExpiresIn },
      verify: { algorithms: ['HS256'] },
      formatUser: (payload) => ({ userId: payload.sub, role: payload.role }),
    });

    app.decorate('issueToken', async (user: StoredUser) =>
      app.jwt.sign({ sub: user.userId, role: user.role }),
    );

    app.decorate('authenticate', async (request: FastifyRequest) => {
      try {
        await request.jwtVerify();
      } catch (error) {
        throw new DomainError(
          'UNAUTHORIZED',
          'Sign in to continue: the token is missing, invalid or expired',
          undefined,
          {
            cause: error,
          },
        );
      }
    });

    app.decorate('requireAdmin', async (request: FastifyRequest, reply: FastifyReply) => {
      await app.authenticate(request, reply);
      const user = await app.data.users.getById(request.user.userId);
      if (!user) throw new DomainError('UNAUTHORIZED', 'This account no longer exists');
      if (user.role !== 'admin')
        throw new DomainError('FORBIDDEN', 'This area is for shop administrators');
    });
  },
  { name: 'auth', dependencies: ['config', 'repositories'] },
);
