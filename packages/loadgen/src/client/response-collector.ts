import { type EndpointType, type ServerUsage, mergeUsage } from '../endpoints/types.js';

/** One response message as received: an SSE `data` field or a whole body. */
export interface RawResponse {
  offsetNs: number;
  data: string;
}

/**
 * What one request's response messages add up to: content arrival times, text, usage. Each message is stamped
 * with the arrival offset of the network chunk that completed it.
 */
export class ResponseCollector {
  readonly contentOffsetsNs: number[] = [];
  firstOutputOffsetNs: number | null = null;
  lastResponseOffsetNs: number | null = null;
  usage: ServerUsage | null = null;
  /** The first message that was not JSON (a broken response), cut to 100 characters. */
  malformed: string | null = null;
  /** The first message that is JSON but not a shape of this endpoint type (another API's server), cut to 200 characters. */
  mismatched: string | null = null;
  /** Why the first message had nothing the endpoint looks for, with that message; kept only while no message had. */
  unmatched: string | null = null;
  private matched = false;
  /** The first error the server reported inside the response (an SSE `error` event). */
  serverError: string | null = null;
  readonly raw: RawResponse[] | null;
  private readonly texts: string[] = [];
  private readonly reasonings: string[] = [];

  constructor(private readonly endpoint: EndpointType, captureRaw: boolean) {
    this.raw = captureRaw ? [] : null;
  }

  add(data: string, offsetNs: number): void {
    this.raw?.push({ offsetNs, data });
    if (data === '[DONE]') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      // Data that is not JSON is a broken response, not something to skip silently (SSE comments never get here).
      this.malformed ??= data.slice(0, 100);
      return;
    }
    const parsed = this.endpoint.parseResponse(json);
    if (parsed === null) {
      this.mismatched ??= data.slice(0, 200);
      return;
    }
    if (parsed.error !== undefined) this.serverError ??= parsed.error.slice(0, 500);
    if (parsed.unmatched !== undefined) this.unmatched ??= `${parsed.unmatched}: ${data.slice(0, 200)}`;
    else this.matched = true;
    if (parsed.usage) this.usage = mergeUsage(this.usage, parsed.usage);
    if (!parsed.text && !parsed.reasoning) {
      // A response without content (role-only, finish-only, usage-only) ends the request only when nothing
      // with content came before it (embeddings, an empty answer): AIPerf's latency ends at the last content.
      if (this.contentOffsetsNs.length === 0) this.lastResponseOffsetNs = offsetNs;
      return;
    }
    this.lastResponseOffsetNs = offsetNs;
    this.contentOffsetsNs.push(offsetNs);
    if (parsed.text) {
      this.texts.push(parsed.text);
      this.firstOutputOffsetNs ??= offsetNs;
    }
    if (parsed.reasoning) this.reasonings.push(parsed.reasoning);
  }

  /** Every message lacked what the endpoint looks for (a response path that matches nothing in this answer). */
  get nothingMatched(): boolean {
    return !this.matched && this.unmatched !== null;
  }

  get outputText(): string {
    return this.texts.join('');
  }

  get reasoningText(): string {
    return this.reasonings.join('');
  }
}
