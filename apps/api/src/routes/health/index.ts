import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, unavailable } from '@mini-ecommerce/domain';

const READY_TIMEOUT_MS = 1500;

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process is running',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: DynamoDB answers (used by the load balancer and the deploy gate)',
        response: { 200: z.object({ status: z.literal('ready') }), 503: ErrorBody },
      },
    },
    async (request, reply) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          app.data.ping(),
          new Promise((_, reject) => {
            timer = setTimeout(
              () => reject(new Error('DynamoDB did not answer in time')),
              READY_TIMEOUT_MS,
            );
          }),
        ]);
        return { status: 'ready' as const };
      } catch (error) {
        request.log.warn({ err: error }, 'not ready');
        return reply
          .status(503)
          .header('retry-after', '1')
          .send(unavailable('DynamoDB is not reachable').toBody());
      } finally {
        clearTimeout(timer);
      }
    },
  );
};

export default routes;
