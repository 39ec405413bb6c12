import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import { i18next } from "../i18n";
import { describeError } from "./error-message";

const weakPassword = new ApiError(400, "invalid_request", "The request is invalid", "req-1", {
  fields: [{ path: "password", message: "Password is too easy to guess", code: "weak_password" }],
});

describe("describeError", () => {
  it("translates a field rule the API names", async () => {
    await i18next.changeLanguage("id");

    const described = describeError(weakPassword, i18next.t);

    expect(described.fieldIssues[0]?.path).toBe("Kata sandi");
    expect(described.fieldIssues[0]?.message).toMatch(/terlalu mudah ditebak/);
  });

  it("keeps the API message for an unnamed rule", async () => {
    await i18next.changeLanguage("en");
    const error = new ApiError(400, "invalid_request", "invalid", null, {
      fields: [{ path: "settings.fps", message: "Invalid option" }],
    });

    const described = describeError(error, i18next.t);

    expect(described.fieldIssues[0]).toEqual({ path: "settings.fps", message: "Invalid option" });
  });

  it("adds the wait to a locked account", async () => {
    await i18next.changeLanguage("id");
    const locked = new ApiError(429, "account_locked", "locked", null, null, 900);

    const described = describeError(locked, i18next.t);

    expect(described.message).toMatch(/^Akun dikunci sementara/);
    expect(described.message).toMatch(/900 detik/);
  });
});
