import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AuthResponse,
  DomainError,
  LoginBody,
  RegisterBody,
  toPublicUser,
} from '@mini-ecommerce/domain';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../../lib/passwords';
import { errorResponses } from '../../lib/schemas';

const routes: FastifyPluginAsyncZod = async (app) => {
  // One budget per client for every /api/auth/* route together (a per-route config would give each route its own).
  app.addHook(
    'onRequest',
    app.rateLimit({ max: app.config.authRateLimitPerMinute, timeWindow: '1 minute' }),
  );

  app.post(
    '/register',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create a customer account',
        body: RegisterBody,
        response: { 201: AuthResponse, ...errorResponses('CONFLICT') },
      },
    },
    async (request, reply) => {
      const { email, password, name } = request.body;
      const user = await app.data.users.create({
        email,
        name,
        passwordHash: await hashPassword(password),
        // Whatever the body says, a new account is a customer.
        role: 'customer',
      });
      return reply
        .status(201)
        .send({ user: toPublicUser(user), token: await app.issueToken(user) });
    },
  );

  app.post(
    '/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: LoginBody,
        response: { 200: AuthResponse, ...errorResponses('UNAUTHORIZED', 'RATE_LIMITED') },
      },
    },
    async (request) => {
      const { email, password } = request.body;
      const { maxFailures, windowMs } = app.config.login;
      const recent = await app.data.users.loginFailures(email, windowMs);
      if (recent.failures >= maxFailures) {
        throw new DomainError(
          'RATE_LIMITED',
          'Too many failed sign-ins for this email; try again later',
          {
            retryAfterSeconds: recent.retryAfterSeconds,
          },
        );
      }
      const user = await app.data.users.getByEmail(email);
      const valid = await verifyPassword(
        password,
        user?.passwordHash ?? (await DUMMY_HASH_PROMISE),
      );
      if (!user || !valid) {
        await app.data.users.recordLoginFailure(email, windowMs);
        throw new DomainError('UNAUTHORIZED', 'The email or password is not correct');
      }
      return { user: toPublicUser(user), token: await app.issueToken(user) };
    },
  );
};

export default routes;
