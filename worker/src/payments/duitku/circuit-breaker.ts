export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit rejects calls before one trial call is let through. */
  openMs: number;
  now?: () => number;
}

export class CircuitOpenError extends Error {
  constructor(readonly retryAfterMs: number) {
    super("circuit open");
    this.name = "CircuitOpenError";
  }
}

/**
 * Closed → open after `failureThreshold` consecutive failures; open rejects at once for `openMs`;
 * then half-open lets a single trial through, which closes the circuit on success or reopens it.
 *
 * State lives in module scope, so it is per isolate: it survives across requests served by one
 * isolate but is not shared between isolates or locations. Each isolate therefore learns about
 * an outage by itself, after `failureThreshold` failures.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): "closed" | "open" | "half-open" {
    if (this.openedAt === null) return "closed";
    return this.now() - this.openedAt >= this.options.openMs ? "half-open" : "open";
  }

  /** Runs `call` unless the circuit is open; counts thrown errors as failures. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === "open" || (state === "half-open" && this.trialInFlight)) {
      const elapsed = this.openedAt === null ? 0 : this.now() - this.openedAt;
      throw new CircuitOpenError(Math.max(0, this.options.openMs - elapsed));
    }

    const trial = state === "half-open";
    if (trial) this.trialInFlight = true;
    try {
      const result = await call();
      this.failures = 0;
      this.openedAt = null;
      return result;
    } catch (error) {
      this.failures += 1;
      if (trial || this.failures >= this.options.failureThreshold) this.openedAt = this.now();
      throw error;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }

  reset(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }
}
