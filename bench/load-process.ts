/**
 * The load generator as a process of its own: `node bin/run-ts.js bench/load-process.ts '<json>'` runs autocannon
 * with {url, connections, seconds, paths?} and prints one JSON line {p95_ms, p50_ms, rps, requests, errors}.
 * Benchmarks whose server does its work on the Node thread (the case-law search index) use it, so the server's
 * thread serves requests instead of also generating them, as it would in production.
 */
import autocannon from 'autocannon';

const spec = JSON.parse(process.argv[2] ?? '{}') as {
  url: string;
  connections: number;
  seconds: number;
  paths?: string[];
};
let n = 0;
const paths = spec.paths;
const requests = paths
  ? [
      {
        setupRequest: (req: autocannon.Request) => {
          req.path = paths[n++ % paths.length]!;
          return req;
        },
      },
    ]
  : undefined;
const times: number[] = [];
const instance = autocannon(
  { url: spec.url, connections: spec.connections, duration: spec.seconds, requests },
  (err, result) => {
    if (err) throw err;
    times.sort((a, b) => a - b);
    const at = (q: number) =>
      times.length ? times[Math.min(times.length - 1, Math.floor(times.length * q))]! : NaN;
    console.log(
      JSON.stringify({
        p95_ms: Number(at(0.95).toFixed(1)),
        p50_ms: Number(at(0.5).toFixed(1)),
        rps: Math.round(result.requests.average),
        requests: result.requests.total,
        errors: result.errors + result.non2xx,
      }),
    );
  },
);
instance.on('response', (_c: unknown, _s: number, _b: number, ms: number) => {
  times.push(ms);
});
