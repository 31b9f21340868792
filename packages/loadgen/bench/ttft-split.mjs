// Where a TTFT overhead goes, for aiperf and the raw undici client against the mock (TTFT 50 ms, ITL 20 ms, streams
// in step): the request's way to the server (from the client's start to the server's `request` event: the client's
// own wait and write, the kernel, the server's accept queue), the server's lateness (its first token written after
// the 50 ms it planned), and the first token's way back (that write to the client's timestamp). The mock runs in a
// child process whose http.Server is patched to note both server times (wall clock with sub-ms resolution, which
// compares across processes); the two sides are matched by sorting each, so compare distributions, not requests.
// `node packages/loadgen/bench/ttft-split.mjs [streams = 100] [requests per round = 500] [rounds per client = 4]`
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentileOfSorted } from '@aiperf/loadgen';
import { rawStreamingRequests } from './raw-client.mjs';
import { aiperfBodies, benchConfig, loadgenUnderTest, quietIo, round, startServerProcess } from './support.mjs';

const { runProfile, IssuerThreadPool } = await loadgenUnderTest();
const [streams, requests, rounds] = [process.argv[2] ?? 100, process.argv[3] ?? 500, process.argv[4] ?? 4].map(Number);
const TTFT_MS = 50;
const logPath = join(mkdtempSync(join(tmpdir(), 'aiperf-ttft-split-')), 'server-times.json');

// The child notes [request event, first write at least 30 ms later] per request and writes them out on SIGUSR2.
const serverCode = `import http from 'node:http'; import { writeFileSync } from 'node:fs';
const wallMs = () => performance.timeOrigin + performance.now();
let times = [];
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, response) {
  if (event === 'request') {
    const arrivalMs = wallMs(); const write = response.write; let seen = false;
    response.write = function (...args) { if (!seen && wallMs() - arrivalMs > 30) { seen = true; times.push([arrivalMs, wallMs()]); } return write.apply(this, args); };
  }
  return emit.apply(this, arguments);
};
process.on('SIGUSR2', () => { writeFileSync(${JSON.stringify(logPath)}, JSON.stringify(times)); times = []; });
const { startMockServer } = await import(${JSON.stringify(import.meta.resolve('@aiperf/mock-server'))});
const server = await startMockServer({ port: 0, ttftMs: ${TTFT_MS}, itlMs: 20 });
process.stdout.write(server.url + '\\n');
process.stdin.on('end', () => server.close().then(() => process.exit(0))); process.stdin.resume();`;
const mock = await startServerProcess(['--input-type=module', '-e', serverCode]);
const { url } = mock;
/** The server's [arrival, first write] pairs since the last call. */
const serverTimes = async () => {
  process.kill(mock.pid, 'SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 300));
  return JSON.parse(readFileSync(logPath, 'utf8'));
};

const config = (requestCount) => benchConfig({ url, load: { concurrency: streams, requestCount, warmupRequestCount: streams } });
const bodies = await aiperfBodies(runProfile, config(streams));
const threads = new IssuerThreadPool();
/** Each client's measured requests as [start, TTFT] (wall ms, ms); the server times of its warm-up wave are dropped. */
const clients = {
  raw: async () => (await rawStreamingRequests({ url, concurrency: streams, requests, bodies })).map((r) => [r.startWallMs, r.ttftMs]),
  aiperf: async () => {
    const run = await runProfile(config(requests), quietIo(), { issuerThreads: threads });
    const lines = readFileSync(join(run.artifactDir, 'profile_export.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    return lines.map((line) => [line.metadata.request_start_ns / 1e6, line.metrics.time_to_first_token.value]);
  },
};

const ascending = (values) => Float64Array.from(values).sort();
const p50p99 = (values) => { const s = ascending(values); return `${round(percentileOfSorted(s, 50), 2)} / ${round(percentileOfSorted(s, 99), 2)}`; };
console.log(`${streams} streams in step, ${requests} requests a round; ms, p50 / p99`);
try {
  // One unmeasured round of each first (their code compiled), then alternating order.
  for (let i = -1; i < rounds; i++) {
    for (const name of i % 2 === 0 ? ['raw', 'aiperf'] : ['aiperf', 'raw']) {
      await serverTimes();
      const measured = await clients[name]();
      const times = (await serverTimes()).slice(-measured.length);
      if (i < 0) continue;
      const starts = ascending(measured.map(([startMs]) => startMs));
      const arrivals = ascending(times.map(([arrivalMs]) => arrivalMs));
      const firstTokens = ascending(measured.map(([startMs, ttftMs]) => startMs + ttftMs));
      const writes = ascending(times.map(([, writeMs]) => writeMs));
      console.log(
        `${name.padEnd(6)} TTFT − ${TTFT_MS} ${p50p99(measured.map(([, ttftMs]) => ttftMs - TTFT_MS))}` +
          ` | to the server ${p50p99(Array.from(starts, (startMs, k) => arrivals[k] - startMs))}` +
          ` | server lateness ${p50p99(times.map(([arrivalMs, writeMs]) => writeMs - arrivalMs - TTFT_MS))}` +
          ` | back to the client ${p50p99(Array.from(firstTokens, (tokenMs, k) => tokenMs - writes[k]))}`,
      );
    }
  }
} finally {
  await threads.close();
  await mock.stop();
}
