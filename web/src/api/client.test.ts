import { describe, expect, it } from "vitest";
import { ApiError, toApiError } from "./client";

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
