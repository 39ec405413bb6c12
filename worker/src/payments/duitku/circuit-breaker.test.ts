import { describe, expect, it } from "vitest";
import { CircuitBreaker, CircuitOpenError } from "./circuit-breaker";

function setup() {
  let now = 0;
  const breaker = new CircuitBreaker({ failureThreshold: 3, openMs: 1_000, now: () => now });
  return { breaker, advance: (ms: number) => (now += ms) };
}

const fail = () => Promise.reject(new Error("down"));
const succeed = () => Promise.resolve("ok");

describe("CircuitBreaker", () => {
  it("opens after the threshold of consecutive failures", async () => {
    const { breaker } = setup();
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow("down");

    expect(breaker.state).toBe("open");
    let called = false;
    await expect(
      breaker.run(async () => {
        called = true;
      }),
    ).rejects.toBeInstanceOf(CircuitOpenError);
    expect(called).toBe(false);
  });

  it("a success resets the failure count", async () => {
    const { breaker } = setup();
    await expect(breaker.run(fail)).rejects.toThrow();
    await expect(breaker.run(fail)).rejects.toThrow();
    await breaker.run(succeed);
    await expect(breaker.run(fail)).rejects.toThrow();

    expect(breaker.state).toBe("closed");
  });

  it("half-open trial closes the circuit on success", async () => {
    const { breaker, advance } = setup();
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow();
    advance(1_000);

    expect(breaker.state).toBe("half-open");
    await expect(breaker.run(succeed)).resolves.toBe("ok");
    expect(breaker.state).toBe("closed");
  });

  it("half-open trial failure reopens at once", async () => {
    const { breaker, advance } = setup();
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow();
    advance(1_000);

    await expect(breaker.run(fail)).rejects.toThrow("down");
    expect(breaker.state).toBe("open");
  });

  it("half-open lets only one trial through", async () => {
    const { breaker, advance } = setup();
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow();
    advance(1_000);

    let release: () => void = () => {};
    const trial = breaker.run(() => new Promise<void>((resolve) => (release = resolve)));
    await expect(breaker.run(succeed)).rejects.toBeInstanceOf(CircuitOpenError);
    release();
    await trial;
    expect(breaker.state).toBe("closed");
  });

  it("open error reports the time left", async () => {
    const { breaker, advance } = setup();
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow();
    advance(400);

    const error = await breaker.run(succeed).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect((error as CircuitOpenError).retryAfterMs).toBe(600);
  });
});
