// bench/public's load generator, in a process of its own so that it does not share the server's one JavaScript
// thread: autocannon drives one URL with many connections for a while; every response's latency is kept so that
// p95 (which autocannon's summary leaves out) is exact. Reports one line of JSON.
import autocannon from 'autocannon';
import { reportOnStdout, required } from './child.ts';
import { percentile } from './measure.ts';

export interface LoadReport {
  url: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  bytes: number;
}

await reportOnStdout(async (): Promise<LoadReport> => {
  const url = required('BENCH_LOAD_URL', 'bench/public-child.ts');
  const latencies: number[] = [];
  let bytes = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: Number(required('BENCH_LOAD_CONNECTIONS', 'bench/public-child.ts')),
        duration: Number(required('BENCH_LOAD_SECONDS', 'bench/public-child.ts')),
      },
      (error: unknown, done) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    );
    instance.on('response', (_client, _status, resBytes, responseTime) => {
      latencies.push(responseTime);
      bytes = resBytes;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    url,
    requests: result.requests.total,
    perSecond: result.requests.total / (result.duration || 1),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: result.non2xx,
    errors: result.errors,
    bytes,
  };
});
