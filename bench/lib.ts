import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p95_ms: number;
  errors: number;
  requests: number;
}

/** Runs autocannon and computes the exact 95th percentile from every response time (autocannon reports p97.5). */
export function load(
  url: string,
  opts: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const instance = autocannon(
      { url, connections: opts.connections, duration: opts.seconds, headers: opts.headers },
      (err, result) => {
        if (err) return reject(err);
        times.sort((a, b) => a - b);
        const p95 = times.length
          ? times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!
          : Number.NaN;
        resolve({
          rps: Math.round(result.requests.average),
          p95_ms: Number(p95.toFixed(2)),
          errors: result.errors + result.non2xx,
          requests: result.requests.total,
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      times.push(responseTime);
    });
  });
}
