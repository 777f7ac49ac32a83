import type { Db } from '../db/types.ts';
import type { Logger } from './logger.ts';
import { type MailTransport, processMailQueue } from './mail.ts';

/** Sends queued mail every few seconds, and at once when kicked (after a request queued one). */
export function startMailWorker(
  db: Db,
  transport: MailTransport,
  from: string,
  logger: Logger,
  intervalMs = 5000,
) {
  let running: Promise<void> | null = null;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await processMailQueue(db, transport, from, logger);
        } while (again);
      } catch (err) {
        logger.warn({ err: (err as Error).message }, 'mail queue run failed');
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    kick: run,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
