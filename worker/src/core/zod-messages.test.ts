import { describe, expect, it } from "vitest";
import { call, signUp } from "../../test/http";

describe("validation messages", () => {
  it("names a missing field plainly", async () => {
    const { cookie } = await signUp();

    const response = await call("/api/auth/password", { method: "POST", cookie, json: { newPassword: "x" } });

    expect(response.status).toBe(400);
    const fields = response.body.error.details.fields as { path: string; message: string }[];
    expect(fields.find((field) => field.path === "currentPassword")?.message).toBe("This field is required");
  });

  it("states the bound of a number", async () => {
    const { cookie } = await signUp();

    const response = await call("/api/credits/history?limit=0", { cookie });

    expect(response.status).toBe(400);
    expect(response.body.error.details.fields[0].message).toBe("Use a number of at least 1");
  });
});
