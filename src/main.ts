import { ConfigError, loadConfig } from './config.ts';
import { DataDirBusyError } from './db/data-dir-lock.ts';
import { type RunningServer, startServer } from './server.ts';

/** `npm start`: validated config, the server, a clean shutdown on SIGINT/SIGTERM. */
export async function runServer(): Promise<void> {
  let running: RunningServer;
  try {
    running = await startServer(loadConfig());
  } catch (err) {
    if (err instanceof ConfigError) console.error(err.message);
    else if (err instanceof DataDirBusyError) {
      console.error(`Die Datenbank in ${err.dataDir} wird schon von ${err.holder} (PID ${err.pid}) benutzt.`);
      console.error(`The database in ${err.dataDir} is already in use by ${err.holder} (PID ${err.pid}).`);
    } else console.error(err);
    process.exit(1);
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
