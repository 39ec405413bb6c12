import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../../../api/client";
import en from "../../../i18n/en.json";
import id from "../../../i18n/id.json";
import { problemFromError, problemText } from "./problem-text";

// The codes the worker sends (PROBLEM_CODES in worker/src/apps/video-mixer/problems.ts).
const CODES = [
  "no_clips",
  "no_playable_clips",
  "no_grouped_clips",
  "invalid_combination",
  "too_many_variants",
  "duration_too_short",
  "duration_too_short_for_groups",
  "insufficient_credits",
];

const i18n = i18next.createInstance();
const text = (language: "id" | "en", code: string, params: Record<string, string | number>, message = "English") =>
  problemText({ code, message, params }, i18n.getFixedT(language));

beforeAll(async () => {
  await i18n.init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng: "id",
    fallbackLng: "id",
    interpolation: { escapeValue: false },
  });
});

describe("problemText", () => {
  it("translates every worker code in both languages", () => {
    expect(Object.keys(id.videoMixer.problems).sort()).toEqual([...CODES].sort());
    expect(Object.keys(en.videoMixer.problems).sort()).toEqual([...CODES].sort());

    const params = {
      count: 7,
      distinctVariants: 6,
      required: 120,
      balance: 100,
      seconds: 5,
      segments: 12,
      minSegmentSeconds: 0.5,
      maxSegments: 10,
      minSeconds: 6,
    };
    for (const language of ["id", "en"] as const) {
      for (const code of CODES) {
        const translated = text(language, code, params);
        expect(translated, `${language} ${code}`).not.toBe("English");
        expect(translated, `${language} ${code}`).not.toContain("{{");
      }
    }
  });

  it("formats Indonesian numbers", () => {
    const tooShort = { seconds: 5, segments: 12, minSegmentSeconds: 0.5, maxSegments: 10, minSeconds: 6 };
    expect(text("id", "duration_too_short", tooShort)).toContain("minimal 0,5 detik");
    expect(text("id", "insufficient_credits", { required: 1200, balance: 100 })).toContain("butuh 1.200 kredit");
    expect(text("id", "too_many_variants", { count: 7, distinctVariants: 6 })).toContain("hanya 6 dari 7 varian");
  });

  it("fills the English text", () => {
    expect(text("en", "too_many_variants", { count: 2, distinctVariants: 1 })).toContain(
      "only 1 of the 2 requested variants",
    );
    expect(text("en", "insufficient_credits", { required: 1200, balance: 100 })).toContain(
      "costs 1,200 credits, but your balance is 100",
    );
  });

  it("falls back to the message for unknown codes", () => {
    expect(text("id", "new_problem", {}, "Something new.")).toBe("Something new.");
    expect(text("en", "Not a code.", {}, "Not a code.")).toBe("Not a code.");
  });
});

describe("problemFromError", () => {
  it("reads the problem from the error details", () => {
    const error = new ApiError(400, "invalid_request", "Too many", "req-1", {
      problem: "too_many_variants",
      count: 7,
      distinctVariants: 6,
      nested: { ignored: true },
    });
    expect(problemFromError(error)).toEqual({
      code: "too_many_variants",
      message: "Too many",
      params: { count: 7, distinctVariants: 6 },
    });
  });

  it("returns null for other errors", () => {
    const fields = new ApiError(400, "invalid_request", "Invalid", null, { fields: [] });
    expect(problemFromError(fields)).toBeNull();
    expect(problemFromError(new ApiError(500, "internal_error", "Failed"))).toBeNull();
    expect(problemFromError(new Error("plain"))).toBeNull();
    expect(problemFromError(null)).toBeNull();
  });
});
