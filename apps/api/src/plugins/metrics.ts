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
    // A callback hook: an async one costs a promise on every response.
    app.addHook('onResponse', (request, reply, done) => {
      metrics.recordRequest(reply.statusCode, request.url);
      done();
    });
    app.addHook('onClose', async () => metrics.stop());
  },
  { name: 'metrics', dependencies: ['config'] },
);
