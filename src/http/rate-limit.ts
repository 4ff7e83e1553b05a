import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { ErrorCode } from '../errors.js';

/**
 * At most `perMinute` requests a minute from one client address (IPv6 clients by their /56),
 * answered beyond that with 429 and a GraphQL-shaped error, so that clients handle it like any
 * other. Counting is per process: behind a load balancer each instance counts its own share.
 */
export function rateLimitMiddleware(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res, _next, options) => {
      const retryAfter = Math.ceil(options.windowMs / 1000);
      res.status(429).json({
        errors: [
          {
            message: `Too many requests: at most ${perMinute} a minute from one client. Try again in up to ${retryAfter} s.`,
            extensions: { code: ErrorCode.RATE_LIMITED, limitPerMinute: perMinute },
          },
        ],
      });
    },
  });
}

/** A client's points this minute after a charge: whether it was granted, and what is left. */
export interface CostAccount {
  readonly granted: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** When the client's minute ends and its points are full again (ms since the epoch). */
  readonly resetAt: number;
}

/**
 * A budget of cost points per client per minute (as GitHub's and Shopify's GraphQL APIs count),
 * so that a client pays for what its queries cost the database, not for how many it sends. Each
 * client's minute starts with its first query; a query it has not enough points left for is
 * refused whole and costs nothing. Per process, like {@link rateLimitMiddleware}.
 */
export class CostBudget {
  private readonly windows = new Map<string, { resetAt: number; spent: number }>();

  constructor(
    readonly pointsPerMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `cost` points from the client's minute if it has them left. */
  charge(client: string, cost: number): CostAccount {
    const now = this.now();
    let window = this.windows.get(client);
    if (!window || window.resetAt <= now) {
      this.forgetEnded(now);
      window = { resetAt: now + 60_000, spent: 0 };
      this.windows.set(client, window);
    }
    const granted = window.spent + cost <= this.pointsPerMinute;
    if (granted) window.spent += cost;
    return { granted, limit: this.pointsPerMinute, remaining: this.pointsPerMinute - window.spent, resetAt: window.resetAt };
  }

  // Keeps the map to the clients of the last minute.
  private forgetEnded(now: number): void {
    if (this.windows.size < 1_000) return;
    for (const [client, window] of this.windows) if (window.resetAt <= now) this.windows.delete(client);
  }
}
