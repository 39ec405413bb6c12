import { describe, expect, it } from "vitest";
import { call } from "../http";

describe("OpenAPI document", () => {
  it("documents the auth, credits, apps and health routes", async () => {
    const response = await call("/api/openapi.json");
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe("3.1.0");

    const paths = Object.keys(response.body.paths);
    for (const path of [
      "/api/auth/register",
      "/api/auth/login",
      "/api/auth/logout",
      "/api/auth/refresh",
      "/api/auth/me",
      "/api/auth/profile",
      "/api/auth/password",
      "/api/auth/sessions",
      "/api/auth/sessions/{sessionId}",
      "/api/auth/sessions/revoke-others",
      "/api/credits/balance",
      "/api/credits/history",
      "/api/apps",
      "/api/apps/{appId}/models",
      "/health",
      "/health/full",
    ]) {
      expect(paths).toContain(path);
    }
  });

  it("includes other teams' mounted routers", async () => {
    const response = await call("/api/openapi.json");
    expect(Object.keys(response.body.paths)).toContain("/api/apps/video-mixer/projects");
  });

  it("derives request schemas from zod", async () => {
    const response = await call("/api/openapi.json");
    const register = response.body.components.schemas.RegisterRequest;
    expect(register.required).toEqual(["email", "password", "name"]);
    expect(response.body.components.securitySchemes.cookieAuth).toMatchObject({ type: "apiKey", in: "cookie" });
  });

  it("serves the interactive page", async () => {
    const page = await call("/api/docs");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.text).toContain("swagger-ui-dist@5.35.0");

    const script = await call("/api/docs/init.js");
    expect(script.headers.get("content-type")).toContain("text/javascript");
    expect(script.text).toContain("/api/openapi.json");
  });
});
