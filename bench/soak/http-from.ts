import { Agent, request } from 'node:http';

/** An answer as a client sees it: HTTP status and body text. */
export interface RawAnswer {
  readonly status: number;
  readonly text: string;
}

/**
 * POSTs GraphQL from a chosen loopback address (Linux routes all of 127.0.0.0/8 to loopback), so
 * that the soak's attackers are other clients than its normal traffic, as the API counts clients
 * by address. Keeps connections open, like a real client.
 */
export class HttpFrom {
  private readonly agent: Agent;

  constructor(
    private readonly url: URL,
    private readonly localAddress: string,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: 16 });
  }

  post(body: string, headers: Record<string, string> = {}, timeoutMs = 30_000): Promise<RawAnswer> {
    return new Promise((resolve, reject) => {
      const req = request(
        this.url,
        { method: 'POST', agent: this.agent, localAddress: this.localAddress, headers: { 'content-type': 'application/json', ...headers }, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  get(path: string, timeoutMs = 5_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request(new URL(path, this.url), { agent: this.agent, localAddress: this.localAddress, timeout: timeoutMs }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
