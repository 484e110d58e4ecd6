import fp from 'fastify-plugin';
import { Metrics, type MetricsSink } from '../lib/metrics';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

export default fp<{ sink?: MetricsSink }>(
  async (app, options) => {
    const sink = options.sink ?? (app.config.metrics ? process.stdout : undefined);
    const metrics = new Metrics(app.config.env, sink);
    metrics.start();
    app.decorate('metrics', metrics);
    app.addHook('onResponse', async (request, reply) =>
      metrics.recordRequest(reply.statusCode, request.url.split('?')[0]),
    );
    app.addHook('onClose', async () => metrics.stop());
  },
  { name: 'metrics', dependencies: ['config'] },
);
