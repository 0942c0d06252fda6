import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A stand-in for HCP Terraform on 127.0.0.1: serves plan JSON (through a redirect to its archive, as
 * HCP Terraform does) to callers with the run's token, and records the task result PATCHed back.
 */
export class FakeHcp {
  readonly received: ReceivedRequest[] = [];
  readonly plans = new Map<string, string>();
  #server: Server | undefined;
  #waiters: (() => void)[] = [];
  origin = '';

  constructor(readonly token: string) {}

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        this.received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        const plan = /^\/api\/v2\/plans\/([\w-]+)\/json-output$/.exec(req.url!);
        const archived = /^\/archivist\/([\w-]+)$/.exec(req.url!);
        if (plan && req.method === 'GET') {
          if (req.headers.authorization !== `Bearer ${this.token}`) return void res.writeHead(401).end();
          res.writeHead(307, { location: `/archivist/${plan[1]}` }).end();
        } else if (archived && this.plans.has(archived[1]!)) {
          res.writeHead(200, { 'content-type': 'application/json' }).end(this.plans.get(archived[1]!));
        } else if (/^\/api\/v2\/task-results\/[\w-]+\/callback$/.test(req.url!) && req.method === 'PATCH') {
          res.writeHead(req.headers.authorization === `Bearer ${this.token}` ? 200 : 401).end();
        } else {
          res.writeHead(404).end();
        }
        for (const wake of this.#waiters.splice(0)) wake();
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.#server!.address() as AddressInfo).port}`;
    return this;
  }

  /** Resolves with the first PATCH received at or after index `from` (bounded wait). */
  async callback(from = 0): Promise<ReceivedRequest> {
    for (let i = 0; i < 200; i++) {
      const found = this.received.slice(from).find((r) => r.method === 'PATCH');
      if (found) return found;
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    throw new Error('no task result was sent back');
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}
