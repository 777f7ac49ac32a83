import fs from 'node:fs';
import path from 'node:path';

/** Only one process may hold a PGlite directory; a second one would corrupt it. */
export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly holder: string,
  ) {
    super(`DATA_DIR ${dataDir} is in use by ${holder} (PID ${pid})`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dataDir: string, holder: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'kok.lock');
  if (fs.existsSync(file)) {
    try {
      const current = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number; holder: string };
      if (current.pid !== process.pid && isAlive(current.pid)) {
        throw new DataDirBusyError(dataDir, current.pid, current.holder);
      }
    } catch (err) {
      if (err instanceof DataDirBusyError) throw err;
      // an unreadable lock file is a leftover of a crash: take it over
    }
  }
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, holder }));
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    try {
      const current = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number };
      if (current.pid === process.pid) fs.unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.once('exit', release);
  return release;
}
