// The modules' timed work (email digests, reminders of steps that open): each job of each
// manifest runs every `everyMs` once the server is ready, one run at a time, its errors logged;
// the timers never keep the process alive and stop with the server.
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false on a route whose caller is proven otherwise (checked by the route itself). */
    csrf?: boolean;
  }
}

export function startJobs(app: FastifyInstance, enabled: boolean): void {
  if (!enabled) return;
  const timers: NodeJS.Timeout[] = [];
  app.addHook('onReady', async () => {
    for (const job of app.manifests.flatMap((m) => m.jobs ?? [])) {
      let running = false;
      const tick = async () => {
        if (running) return;
        running = true;
        try {
          await job.run(app);
        } catch (err) {
          app.log.error({ err, job: job.name }, 'job failed');
        } finally {
          running = false;
        }
      };
      const timer = setInterval(() => void tick(), job.everyMs);
      timer.unref();
      timers.push(timer);
    }
  });
  app.addHook('onClose', async () => timers.forEach(clearInterval));
}
