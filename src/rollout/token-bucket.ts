/**
 * Paces sends for one tenant. Teams allows about 50 requests per second per
 * app per tenant; we aim below that. A 429 pauses the whole bucket for the
 * Retry-After time and lowers the rate, which then recovers step by step.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  private currentRate: number;

  constructor(
    private readonly rate: number,
    private readonly capacity = 1,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now();
    this.currentRate = rate;
  }

  get ratePerSecond(): number {
    return this.currentRate;
  }

  /** Milliseconds to wait before a token is available; 0 takes it now. */
  tryTake(): number {
    const now = this.now();
    if (now < this.pausedUntil) return this.pausedUntil - now;
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, ((1 - this.tokens) / this.currentRate) * 1000);
  }

  /** Waits for a token. */
  async take(): Promise<void> {
    for (let wait = this.tryTake(); wait > 0; wait = this.tryTake()) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** After a 429: stop until Retry-After has passed, and slow down to 80 %. */
  throttle(retryAfterMs: number): void {
    const now = this.now();
    this.refill(now);
    this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    this.currentRate = Math.max(this.rate * 0.1, this.currentRate * 0.8);
    this.tokens = 0;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - Math.max(this.last, this.pausedUntil));
    // Recover 1 % of the configured rate per second after a slowdown.
    this.currentRate = Math.min(this.rate, this.currentRate + (this.rate * 0.01 * elapsed) / 1000);
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed / 1000) * this.currentRate);
    this.last = now;
  }
}
