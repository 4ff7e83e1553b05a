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
