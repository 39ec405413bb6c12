import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, api, onUnauthorized, toApiError } from "./client";

const headers = (values: Record<string, string> = {}) => new Headers(values);

describe("toApiError", () => {
  it("reads the error envelope", () => {
    const body = JSON.stringify({
      error: {
        code: "insufficient_credits",
        message: "Not enough credits",
        requestId: "req-1",
        details: { required: 12, balance: 3 },
      },
    });

    const error = toApiError(402, body, headers());

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(402);
    expect(error.code).toBe("insufficient_credits");
    expect(error.message).toBe("Not enough credits");
    expect(error.requestId).toBe("req-1");
    expect(error.details).toEqual({ required: 12, balance: 3 });
  });

  it("lists field issues of a validation error", () => {
    const body = JSON.stringify({
      error: {
        code: "invalid_request",
        message: "The request is invalid",
        requestId: "req-2",
        details: { fields: [{ path: "password", message: "Too short" }, { bad: true }] },
      },
    });

    const error = toApiError(400, body, headers());

    expect(error.fieldIssues).toEqual([{ path: "password", message: "Too short" }]);
  });

  it("reads Retry-After in seconds", () => {
    const body = JSON.stringify({ error: { code: "rate_limited", message: "Slow down", requestId: "req-3" } });

    const error = toApiError(429, body, headers({ "Retry-After": "30" }));

    expect(error.retryAfterSeconds).toBe(30);
  });

  it("falls back when the body is not the envelope", () => {
    const error = toApiError(502, "<html>Bad gateway</html>", headers({ "X-Request-Id": "req-4" }));

    expect(error.code).toBe("service_unavailable");
    expect(error.status).toBe(502);
    expect(error.requestId).toBe("req-4");
    expect(error.details).toBeNull();
  });

  it("marks a non-envelope 4xx as an invalid response", () => {
    const error = toApiError(404, "", headers());

    expect(error.code).toBe("invalid_response");
    expect(error.fieldIssues).toEqual([]);
  });
});

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

const expired = () => json(401, { error: { code: "token_expired", message: "Expired", requestId: "req-x" } });

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function urlOf(input: RequestInfo | URL): string {
  return typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
}

describe("api session refresh", () => {
  const fetchMock = vi.fn<typeof fetch>();
  const unauthorized = vi.fn();
  const calls = (path: string) => fetchMock.mock.calls.filter(([input]) => urlOf(input).endsWith(path)).length;

  beforeEach(() => {
    fetchMock.mockReset();
    unauthorized.mockReset();
    vi.stubGlobal("fetch", fetchMock);
    onUnauthorized(unauthorized);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("shares one refresh between parallel requests", async () => {
    const refreshResponse = deferred<Response>();
    let refreshed = false;
    fetchMock.mockImplementation(async (input) => {
      const url = urlOf(input);
      if (url.endsWith("/api/auth/refresh")) {
        const response = await refreshResponse.promise;
        refreshed = true;
        return response;
      }
      return refreshed ? json(200, { url }) : expired();
    });

    const requests = Promise.all([api("/api/a"), api("/api/b"), api("/api/c")]);
    await vi.waitFor(() => expect(calls("/api/auth/refresh")).toBe(1));
    refreshResponse.resolve(json(200, { id: "user-1" }));

    await expect(requests).resolves.toEqual([{ url: "/api/a" }, { url: "/api/b" }, { url: "/api/c" }]);
    expect(calls("/api/auth/refresh")).toBe(1);
    expect(calls("/api/a")).toBe(2);
    expect(calls("/api/b")).toBe(2);
    expect(calls("/api/c")).toBe(2);
    expect(unauthorized).not.toHaveBeenCalled();
  });

  it("repeats the request body and method", async () => {
    let refreshed = false;
    fetchMock.mockImplementation(async (input) => {
      if (urlOf(input).endsWith("/api/auth/refresh")) {
        refreshed = true;
        return json(200, {});
      }
      return refreshed ? json(200, { ok: true }) : expired();
    });

    await api("/api/auth/profile", { method: "PATCH", json: { name: "Sari" } });

    const sent = fetchMock.mock.calls.filter(([input]) => urlOf(input).endsWith("/api/auth/profile"));
    expect(sent).toHaveLength(2);
    for (const [, init] of sent) {
      expect(init?.method).toBe("PATCH");
      expect(init?.body).toBe(JSON.stringify({ name: "Sari" }));
      expect(init?.credentials).toBe("include");
    }
  });

  it("retries only once", async () => {
    fetchMock.mockImplementation(async (input) =>
      urlOf(input).endsWith("/api/auth/refresh") ? json(200, {}) : expired(),
    );

    const error = await api("/api/a").catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("token_expired");
    expect(calls("/api/auth/refresh")).toBe(1);
    expect(calls("/api/a")).toBe(2);
    expect(unauthorized).toHaveBeenCalledTimes(1);
  });

  it("surfaces the 401 when the refresh fails", async () => {
    fetchMock.mockImplementation(async (input) =>
      urlOf(input).endsWith("/api/auth/refresh")
        ? json(401, { error: { code: "unauthorized", message: "Sign in", requestId: "req-r" } })
        : expired(),
    );

    const error = await api("/api/a").catch((caught: unknown) => caught);

    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).code).toBe("token_expired");
    expect(calls("/api/a")).toBe(1);
    expect(unauthorized).toHaveBeenCalledTimes(1);
  });

  it("surfaces the 401 when the refresh has a network error", async () => {
    fetchMock.mockImplementation(async (input) => {
      if (urlOf(input).endsWith("/api/auth/refresh")) throw new TypeError("Failed to fetch");
      return expired();
    });

    const error = await api("/api/a", { authRedirect: false }).catch((caught: unknown) => caught);

    expect((error as ApiError).code).toBe("token_expired");
    expect(unauthorized).not.toHaveBeenCalled();
  });

  it("does not refresh for other 401s", async () => {
    fetchMock.mockResolvedValue(json(401, { error: { code: "unauthorized", message: "Sign in", requestId: "r" } }));

    await expect(api("/api/a")).rejects.toMatchObject({ code: "unauthorized" });

    expect(calls("/api/auth/refresh")).toBe(0);
    expect(calls("/api/a")).toBe(1);
  });

  it("skips the refresh after a newer one", async () => {
    const slowResponse = deferred<Response>();
    let refreshed = false;
    fetchMock.mockImplementation(async (input) => {
      const url = urlOf(input);
      if (url.endsWith("/api/auth/refresh")) {
        refreshed = true;
        return json(200, {});
      }
      if (refreshed) return json(200, { url });
      // The slow request left with the old cookie, and its 401 arrives after the refresh.
      return url.endsWith("/api/slow") ? slowResponse.promise : expired();
    });

    const slow = api("/api/slow");
    await expect(api("/api/fast")).resolves.toEqual({ url: "/api/fast" });
    slowResponse.resolve(expired());

    await expect(slow).resolves.toEqual({ url: "/api/slow" });
    expect(calls("/api/auth/refresh")).toBe(1);
    expect(calls("/api/slow")).toBe(2);
  });

  it("starts a new refresh after the last one settled", async () => {
    let refreshed = false;
    fetchMock.mockImplementation(async (input) => {
      if (urlOf(input).endsWith("/api/auth/refresh")) {
        refreshed = true;
        return json(200, {});
      }
      if (refreshed) {
        refreshed = false;
        return json(200, {});
      }
      return expired();
    });

    await api("/api/a");
    await api("/api/b");

    expect(calls("/api/auth/refresh")).toBe(2);
  });
});
