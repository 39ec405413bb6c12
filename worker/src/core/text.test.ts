import { describe, expect, it } from "vitest";
import { call, signUp } from "../../test/http";
import { displayParagraph, displayText } from "./text";

describe("displayText", () => {
  const name = displayText({ max: 10, required: "Enter a name" });

  it("accepts and trims ordinary Unicode", () => {
    expect(name.parse("  Kopi ☕ ")).toBe("Kopi ☕");
    expect(name.parse("👩‍💻 Siti")).toBe("👩‍💻 Siti");
  });

  it.each([
    ["NUL", "a\u0000b"],
    ["bell", "a\u0007"],
    ["newline", "a\nb"],
    ["right-to-left override", "\u202Egpj.exe"],
    ["isolate", "a\u2066b"],
    ["right-to-left mark", "\u200F\u200F"],
    ["line separator", "a\u2028x"],
    ["lone surrogate", "a\ud800b"],
    ["only a zero-width space", "\u200B"],
    ["only a soft hyphen", "\u00AD"],
  ])("rejects %s", (_label, value) => {
    expect(name.safeParse(value).success).toBe(false);
  });

  it("rejects empty and too long values", () => {
    expect(name.safeParse("   ").success).toBe(false);
    expect(name.safeParse("x".repeat(11)).success).toBe(false);
  });
});

describe("displayParagraph", () => {
  const description = displayParagraph({ max: 100 });

  it("keeps newlines and tabs", () => {
    expect(description.parse("baris satu\n\tbaris dua")).toBe("baris satu\n\tbaris dua");
  });

  it("rejects other control characters", () => {
    expect(description.safeParse("a\u0000b").success).toBe(false);
    expect(description.safeParse("a\u202Eb").success).toBe(false);
  });
});

describe("names sent to the API", () => {
  it("rejects a project name with a direction override", async () => {
    const { cookie } = await signUp();

    const response = await call("/api/apps/video-mixer/projects", {
      method: "POST",
      cookie,
      json: { name: "a\u0000b\u202Ec" },
    });

    expect(response.status).toBe(400);
    expect(response.body.error.details.fields[0].path).toBe("name");
  });
});
