import { describe, expect, it } from "vitest";
import { checkClipFile, MAX_CLIP_BYTES } from "./upload";

describe("checkClipFile", () => {
  it("accepts the four containers in any case", () => {
    for (const name of ["a.mp4", "b.MOV", "c.webm", "d.mkv"]) {
      expect(checkClipFile({ name, size: 1000 })).toBeNull();
    }
  });

  it("rejects other types", () => {
    expect(checkClipFile({ name: "clip.avi", size: 1000 })).toBe("unsupported_type");
    expect(checkClipFile({ name: "noextension", size: 1000 })).toBe("unsupported_type");
  });

  it("rejects files over 100 MB and empty files", () => {
    expect(checkClipFile({ name: "big.mp4", size: MAX_CLIP_BYTES + 1 })).toBe("too_large");
    expect(checkClipFile({ name: "max.mp4", size: MAX_CLIP_BYTES })).toBeNull();
    expect(checkClipFile({ name: "empty.mp4", size: 0 })).toBe("empty");
  });
});
