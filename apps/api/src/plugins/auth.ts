import fp from 'fastify-plugin';
import jwt from '@fastify/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type Role, type StoredUser } from '@mini-ecommerce/domain';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    /** `tv`: the user's token version when the token was issued (absent means 0). */
    payload: { sub: string; role: Role; tv?: number };
    /** `account`: the caller's users-table record, read once by `authenticate` for the request. */
    user: { userId: string; role: Role; tokenVersion: number; account?: StoredUser };
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * onRequest hook: a valid bearer token of an existing user, issued at the user's current
     * token version and role. Runs before the body is read.
     */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** onRequest hook: `authenticate`, and the caller is an admin now (per the users table). */
    requireAdmin: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    issueToken: (user: StoredUser) => Promise<string>;
  }
}

const signInAgain = (cause?: unknown) =>
  new DomainError(
    'UNAUTHORIZED',
    'Sign in to continue: the token is missing, invalid or expired',
    undefined,
    cause === undefined ? undefined : { cause },
  );

export default fp(
  async (app) => {
    await app.register(jwt, {
      secret: app.config.jwtSecret,
      sign: { algorithm: 'HS256', expiresIn: app.config.jwtExpiresIn },
      verify: {
        algorithms: ['HS256'],
        // A token without an expiry, a subject or an issue time is refused, and none lives longer
        // than the API issues them for, whatever its own `exp` says.
        requiredClaims: ['sub', 'exp', 'iat'],
        maxAge: app.config.jwtExpiresIn,
      },
      formatUser: (payload) => ({
        userId: payload.sub,
        role: payload.role,
        tokenVersion: payload.tv ?? 0,
      }),
    });

    app.decorate('issueToken', async (user: StoredUser) =>
      app.jwt.sign({ sub: user.userId, role: user.role, tv: user.tokenVersion ?? 0 }),
    );

    app.decorate('authenticate', async (request: FastifyRequest) => {
      try {
        await request.jwtVerify();
      } catch (error) {
        throw signInAgain(error);
      }
      const { userId, tokenVersion } = request.user;
      if (typeof userId !== 'string') throw signInAgain();
      // A password or role change raises the stored version: older tokens stop working at once.
      const user = await app.data.users.getById(userId);
      if (!user || (user.tokenVersion ?? 0) !== tokenVersion) throw signInAgain();
      // The role is the users table's, not the token's.
      request.user.role = user.role;
      request.user.account = user;
    });

    app.decorate('requireAdmin', async (request: FastifyRequest, reply: FastifyReply) => {
      await app.authenticate(request, reply);
      if (request.user.role !== 'admin')
        throw new DomainError('FORBIDDEN', 'This area is for shop administrators');
    });
  },
  { name: 'auth', dependencies: ['config', 'repositories'] },
);
