import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerRequest } from '@nestjs/throttler/dist/throttler.guard.interface';

export interface RateLimitWindow {
  limit: number;
  remaining: number;
  /** Seconds until the window ends. */
  reset: number;
}

/** The headers the OpenAPI document declares for a rate-limit window (draft-ietf-httpapi-ratelimit-headers). */
export function setRateLimitHeaders(res: { setHeader(name: string, value: string | number): unknown }, w: RateLimitWindow, blocked = false): void {
  res.setHeader('RateLimit-Limit', w.limit);
  res.setHeader('RateLimit-Remaining', w.remaining);
  res.setHeader('RateLimit-Reset', w.reset);
  if (blocked) res.setHeader('Retry-After', w.reset);
}

/**
 * @nestjs/throttler, with the headers the OpenAPI document declares: `RateLimit-Limit`, `RateLimit-Remaining`
 * and `RateLimit-Reset` (draft-ietf-httpapi-ratelimit-headers, seconds) on every request that reaches the
 * limiter, describing the window with the fewest requests left (per IP address or per token), and
 * `Retry-After` on a 429. The library's own `X-RateLimit-*-ip`/`-token` headers are not sent.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  private readonly windows = new WeakMap<object, RateLimitWindow>();

  protected override async handleRequest({ context, limit, ttl, throttler, blockDuration, getTracker, generateKey }: ThrottlerRequest): Promise<boolean> {
    const { req, res } = this.getRequestResponse(context);
    const name = throttler.name ?? 'default';
    const tracker = await getTracker(req, context);
    const key = generateKey(context, tracker, name);
    const record = await this.storageService.increment(key, ttl, limit, blockDuration, name);
    const window: RateLimitWindow = record.isBlocked
      ? { limit, remaining: 0, reset: Math.max(0, record.timeToBlockExpire) }
      : { limit, remaining: Math.max(0, limit - record.totalHits), reset: Math.max(0, record.timeToExpire) };
    const tightest = this.windows.get(res);
    if (!tightest || window.remaining < tightest.remaining || (window.remaining === tightest.remaining && window.reset > tightest.reset)) {
      this.windows.set(res, window);
      setRateLimitHeaders(res as { setHeader(name: string, value: number): unknown }, window);
    }
    if (record.isBlocked) {
      setRateLimitHeaders(res as { setHeader(name: string, value: number): unknown }, window, true);
      await this.throwThrottlingException(context, { limit, ttl, key, tracker, ...record });
    }
    return true;
  }
}
