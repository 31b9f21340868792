// Interface contract (filled in by the mock-server work; keep these names and shapes stable).
export interface MockServerOptions {
  /** 0 = pick a free port (tests). */
  port?: number;
  host?: string;
  ttftMs?: number;
  itlMs?: number;
  seed?: number;
}

export interface MockServer {
  /** Base URL, e.g. `http://127.0.0.1:43123`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startMockServer(_options: MockServerOptions = {}): Promise<MockServer> {
  throw new Error('startMockServer: not implemented yet');
}
