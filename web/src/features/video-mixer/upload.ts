import {
  ApiError,
  apiUrl,
  isTokenExpired,
  notifyUnauthorized,
  renewSession,
  sessionVersion,
  toApiError,
} from "../../api/client";
import { BASE } from "./queries";
import type { Clip } from "./types";

export const MAX_CLIP_BYTES = 100 * 1024 * 1024;
export const CLIP_EXTENSIONS = ["mp4", "mov", "webm", "mkv"] as const;
/** The `accept` attribute of the file input: extensions plus the MIME types browsers report for them. */
export const CLIP_ACCEPT = ".mp4,.mov,.webm,.mkv,video/mp4,video/quicktime,video/webm,video/x-matroska";

export type ClipFileProblem = "too_large" | "unsupported_type" | "empty";

/** Checks a file before it is sent. The API checks the content again after upload. */
export function checkClipFile(file: { name: string; size: number }): ClipFileProblem | null {
  if (file.size === 0) return "empty";
  if (file.size > MAX_CLIP_BYTES) return "too_large";
  const extension = file.name.split(".").pop()?.toLowerCase() ?? "";
  if (!(CLIP_EXTENSIONS as readonly string[]).includes(extension)) return "unsupported_type";
  return null;
}

export interface UploadHandle {
  promise: Promise<Clip>;
  abort: () => void;
}

interface ClipUploadOptions {
  projectId: string;
  file: File;
  groupId: string | null;
  onProgress: (loaded: number, total: number) => void;
}

/**
 * Uploads one clip as multipart form data. XMLHttpRequest is used instead of fetch because only it
 * reports upload progress. After a 401 `token_expired` the session is refreshed and the upload
 * starts again from the first byte, once. The promise rejects with an `ApiError`, or with a
 * DOMException named "AbortError" after `abort()`.
 */
export function uploadClip(options: ClipUploadOptions): UploadHandle {
  let current: XMLHttpRequest | null = null;
  let aborted = false;

  const attempt = () => {
    current = new XMLHttpRequest();
    return sendClip(current, options);
  };

  const run = async (): Promise<Clip> => {
    const version = sessionVersion();
    try {
      return await attempt();
    } catch (error) {
      if (!isTokenExpired(error) || !(await renewSession(version))) throw notifyIfUnauthorized(error);
    }

    if (aborted) throw new DOMException("Upload canceled", "AbortError");
    try {
      return await attempt();
    } catch (error) {
      throw notifyIfUnauthorized(error);
    }
  };

  const abort = () => {
    aborted = true;
    current?.abort();
  };
  return { promise: run(), abort };
}

/** Sends the user to sign-in when the upload failed with a 401, and returns the error to throw. */
function notifyIfUnauthorized(error: unknown): unknown {
  if (error instanceof ApiError && error.status === 401) notifyUnauthorized();
  return error;
}

function sendClip(xhr: XMLHttpRequest, options: ClipUploadOptions): Promise<Clip> {
  return new Promise<Clip>((resolve, reject) => {
    const form = new FormData();
    form.append("file", options.file, options.file.name);
    if (options.groupId) form.append("groupId", options.groupId);

    xhr.open("POST", apiUrl(`${BASE}/projects/${encodeURIComponent(options.projectId)}/clips`));
    xhr.withCredentials = true;
    xhr.setRequestHeader("Accept", "application/json");
    xhr.responseType = "text";

    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded, event.total);
    });

    xhr.addEventListener("load", () => {
      const headers = { get: (name: string) => xhr.getResponseHeader(name) };
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as Clip);
        } catch {
          reject(new ApiError(xhr.status, "invalid_response", "The server sent a response that is not JSON"));
        }
        return;
      }
      reject(toApiError(xhr.status, xhr.responseText, headers));
    });
    xhr.addEventListener("error", () => reject(new ApiError(0, "network_error", "The upload failed: network error")));
    xhr.addEventListener("timeout", () => reject(new ApiError(0, "network_error", "The upload timed out")));
    xhr.addEventListener("abort", () => reject(new DOMException("Upload canceled", "AbortError")));

    xhr.send(form);
  });
}
