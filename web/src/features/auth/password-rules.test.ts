import { describe, expect, it } from "vitest";
import { isPasswordLengthValid, safeRedirect } from "./password-rules";

describe("isPasswordLengthValid", () => {
  it("accepts 12 to 128 characters", () => {
    expect(isPasswordLengthValid("a".repeat(11))).toBe(false);
    expect(isPasswordLengthValid("a".repeat(12))).toBe(true);
    expect(isPasswordLengthValid("a".repeat(128))).toBe(true);
    expect(isPasswordLengthValid("a".repeat(129))).toBe(false);
  });

  it("counts code points like the API", () => {
    expect(isPasswordLengthValid("😀".repeat(12))).toBe(true);
  });
});

describe("safeRedirect", () => {
  it("keeps paths inside the app", () => {
    expect(safeRedirect("/apps/video-mixer?tab=1")).toBe("/apps/video-mixer?tab=1");
  });

  it("rejects other sites and junk", () => {
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
  });
});
