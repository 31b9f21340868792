// Runs the built mock server in its own process for the benchmark (options as JSON in argv[2]),
// prints its URL, and on SIGTERM prints its CPU time before exiting.
import { startMockServer } from '@aiperf/mock-server';

const server = await startMockServer({ port: 0, ...JSON.parse(process.argv[2] ?? '{}') });
const cpuAtStart = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.on('message', async (message) => {
  if (message === 'cpu') process.send?.({ cpuMs: (process.cpuUsage(cpuAtStart).user + process.cpuUsage(cpuAtStart).system) / 1000 });
  if (message === 'stop') {
    await server.close();
    process.exit(0);
  }
});
