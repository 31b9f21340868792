/**
 * The engine's batch limit (vLLM's --max-num-seqs): at most `limit` requests in service; later ones wait in
 * arrival order. Their prefill starts only when admitted, so TTFT climbs once the offered concurrency passes the
 * limit while throughput stays flat: a server with a known saturation point. A limit of 0 admits everything.
 */
export class Admission {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /** A request arriving now would wait. */
  get full(): boolean {
    return this.limit > 0 && this.active >= this.limit;
  }

  /** Resolves true once admitted, false when the request went away first. */
  async admit(signal: AbortSignal): Promise<boolean> {
    if (this.limit <= 0 || this.active < this.limit) {
      this.active += 1;
      return true;
    }
    return new Promise((resolve) => {
      const grant = () => {
        signal.removeEventListener('abort', onAbort);
        this.active += 1;
        resolve(true);
      };
      const onAbort = () => {
        const at = this.queue.indexOf(grant);
        if (at >= 0) this.queue.splice(at, 1);
        resolve(false);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.queue.push(grant);
    });
  }

  release(): void {
    this.active -= 1;
    this.queue.shift()?.();
  }
}
