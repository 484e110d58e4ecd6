import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AuthResponse,
  DomainError,
  LoginBody,
  RegisterBody,
  toPublicUser,
} from '@mini-ecommerce/domain';
import { setTimeout as sleep } from 'node:timers/promises';
import { DUMMY_HASH_PROMISE, hashPassword, needsRehash, verifyPassword } from '../../lib/passwords';
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
      const { maxFailures, windowMs, slowAfter, slowDelayMs } = app.config.login;
      // The attempt is taken before the password is checked, atomically, so concurrent attempts
      // cannot all read "under the limit". The hard limit is per email and client: an attacker
      // elsewhere cannot lock the owner out. Attempts from every client only slow the email down.
      const attempt = await app.data.users.takeLoginAttempt(email, request.ip, {
        limit: maxFailures,
        windowMs,
      });
      if (!attempt.allowed) {
        throw new DomainError(
          'RATE_LIMITED',
          'Too many failed sign-ins for this email; try again later',
          { retryAfterSeconds: attempt.retryAfterSeconds },
        );
      }
      if (attempt.emailAttempts > slowAfter && slowDelayMs > 0) await sleep(slowDelayMs);
      const user = await app.data.users.getByEmail(email);
      const valid = await verifyPassword(
        password,
        user?.passwordHash ?? (await DUMMY_HASH_PROMISE),
      );
      if (!user || !valid) {
        throw new DomainError('UNAUTHORIZED', 'The email or password is not correct');
      }
      await app.data.users.clearLoginAttempts(email, request.ip, windowMs);
      if (needsRehash(user.passwordHash)) {
        // Same password, stronger parameters: existing tokens stay valid.
        await app.data.users.setPassword(user.userId, await hashPassword(password), {
          revokeTokens: false,
        });
      }
      return { user: toPublicUser(user), token: await app.issueToken(user) };
    },
  );
};

export default routes;
