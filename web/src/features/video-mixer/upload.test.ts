import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { onUnauthorized } from "../../api/client";
import { checkClipFile, MAX_CLIP_BYTES, uploadClip } from "./upload";

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

/** Answers each upload with the next queued status and body, the way XMLHttpRequest fires `load`. */
class FakeXhr {
  static responses: { status: number; body: string }[] = [];
  static sent = 0;

  status = 0;
  responseText = "";
  responseType = "";
  withCredentials = false;
  upload = { addEventListener: () => {} };
  private listeners = new Map<string, () => void>();

  open() {}
  setRequestHeader() {}
  getResponseHeader() {
    return null;
  }
  addEventListener(type: string, listener: () => void) {
    this.listeners.set(type, listener);
  }
  abort() {
    this.listeners.get("abort")?.();
  }
  send() {
    FakeXhr.sent++;
    const next = FakeXhr.responses.shift() ?? { status: 500, body: "" };
    queueMicrotask(() => {
      this.status = next.status;
      this.responseText = next.body;
      this.listeners.get("load")?.();
    });
  }
}

const expiredBody = JSON.stringify({ error: { code: "token_expired", message: "Expired", requestId: "req-u" } });
const clipOptions = () => ({
  projectId: "p1",
  file: new File(["x"], "a.mp4", { type: "video/mp4" }),
  groupId: null,
  onProgress: () => {},
});

describe("uploadClip session refresh", () => {
  const fetchMock = vi.fn<typeof fetch>();
  const unauthorized = vi.fn();

  beforeEach(() => {
    FakeXhr.responses = [];
    FakeXhr.sent = 0;
    fetchMock.mockReset();
    unauthorized.mockReset();
    vi.stubGlobal("XMLHttpRequest", FakeXhr);
    vi.stubGlobal("fetch", fetchMock);
    onUnauthorized(unauthorized);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("restarts once after a refresh", async () => {
    FakeXhr.responses = [
      { status: 401, body: expiredBody },
      { status: 201, body: JSON.stringify({ id: "clip-1" }) },
    ];
    fetchMock.mockResolvedValue(new Response("{}", { status: 200 }));

    await expect(uploadClip(clipOptions()).promise).resolves.toEqual({ id: "clip-1" });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(FakeXhr.sent).toBe(2);
    expect(unauthorized).not.toHaveBeenCalled();
  });

  it("rejects when the refresh fails", async () => {
    FakeXhr.responses = [{ status: 401, body: expiredBody }];
    fetchMock.mockResolvedValue(new Response("{}", { status: 401 }));

    await expect(uploadClip(clipOptions()).promise).rejects.toMatchObject({ status: 401, code: "token_expired" });
    expect(FakeXhr.sent).toBe(1);
    expect(unauthorized).toHaveBeenCalledTimes(1);
  });

  it("does not restart a second time", async () => {
    FakeXhr.responses = [
      { status: 401, body: expiredBody },
      { status: 401, body: expiredBody },
    ];
    fetchMock.mockResolvedValue(new Response("{}", { status: 200 }));

    await expect(uploadClip(clipOptions()).promise).rejects.toMatchObject({ code: "token_expired" });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(FakeXhr.sent).toBe(2);
    expect(unauthorized).toHaveBeenCalledTimes(1);
  });
});
