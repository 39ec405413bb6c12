import { useCallback, useEffect, useReducer, useRef } from "react";
import { type ClipFileProblem, checkClipFile, type UploadHandle, uploadClip } from "./upload";

/** How many files upload at the same time. The rest wait in the queue. */
const PARALLEL_UPLOADS = 2;

// A finished upload is already visible on the board, so its row leaves the queue after a moment.
// Failed and canceled rows stay until the user clears them.
const DONE_ROW_MS = 4000;

export type UploadStatus = "queued" | "uploading" | "processing" | "done" | "failed" | "canceled";

export interface UploadItem {
  id: string;
  file: File;
  groupId: string | null;
  status: UploadStatus;
  loaded: number;
  total: number;
  /** An `ApiError` from the server, or a problem found before sending. */
  error: unknown;
  problem: ClipFileProblem | null;
}

type Action =
  | { type: "add"; items: UploadItem[] }
  | { type: "update"; id: string; patch: Partial<UploadItem> }
  | { type: "remove"; id: string }
  | { type: "clear-finished" };

function reducer(items: UploadItem[], action: Action): UploadItem[] {
  switch (action.type) {
    case "add":
      return [...items, ...action.items];
    case "update":
      return items.map((item) => (item.id === action.id ? { ...item, ...action.patch } : item));
    case "remove":
      return items.filter((item) => item.id !== action.id);
    case "clear-finished":
      return items.filter(
        (item) => item.status === "queued" || item.status === "uploading" || item.status === "processing",
      );
  }
}

/**
 * Runs a queue of clip uploads for one project, each with its own progress and cancel. `onUploaded`
 * runs after every clip the API accepted.
 */
export function useClipUploads(projectId: string, onUploaded: () => void) {
  const [items, dispatch] = useReducer(reducer, []);
  const handles = useRef(new Map<string, UploadHandle>());
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  const onUploadedRef = useRef(onUploaded);
  onUploadedRef.current = onUploaded;

  const addFiles = useCallback((files: Iterable<File>, groupId: string | null) => {
    const added: UploadItem[] = [];
    for (const file of files) {
      const problem = checkClipFile(file);
      added.push({
        id: crypto.randomUUID(),
        file,
        groupId,
        status: problem ? "failed" : "queued",
        loaded: 0,
        total: file.size,
        error: null,
        problem,
      });
    }
    dispatch({ type: "add", items: added });
  }, []);

  // Start queued uploads while fewer than PARALLEL_UPLOADS are running.
  useEffect(() => {
    const running = items.filter((item) => item.status === "uploading" || item.status === "processing").length;
    const next = items.filter((item) => item.status === "queued").slice(0, Math.max(0, PARALLEL_UPLOADS - running));

    for (const item of next) {
      const handle = uploadClip({
        projectId,
        file: item.file,
        groupId: item.groupId,
        onProgress: (loaded, total) => {
          // Once every byte is sent the server still probes the clip, which can take a few seconds.
          const status: UploadStatus = loaded >= total ? "processing" : "uploading";
          dispatch({ type: "update", id: item.id, patch: { loaded, total, status } });
        },
      });
      handles.current.set(item.id, handle);
      dispatch({ type: "update", id: item.id, patch: { status: "uploading" } });

      handle.promise
        .then(() => {
          dispatch({ type: "update", id: item.id, patch: { status: "done", loaded: item.file.size } });
          onUploadedRef.current();
          const timer = setTimeout(() => {
            timers.current.delete(timer);
            dispatch({ type: "remove", id: item.id });
          }, DONE_ROW_MS);
          timers.current.add(timer);
        })
        .catch((error: unknown) => {
          const canceled = error instanceof DOMException && error.name === "AbortError";
          dispatch({
            type: "update",
            id: item.id,
            patch: canceled ? { status: "canceled" } : { status: "failed", error },
          });
        })
        .finally(() => handles.current.delete(item.id));
    }
  }, [items, projectId]);

  // Leaving the page stops uploads that are still running.
  useEffect(() => {
    const running = handles.current;
    const pending = timers.current;
    return () => {
      for (const handle of running.values()) handle.abort();
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);

  const cancel = useCallback((id: string) => {
    const handle = handles.current.get(id);
    if (handle) handle.abort();
    else dispatch({ type: "update", id, patch: { status: "canceled" } });
  }, []);

  const clearFinished = useCallback(() => dispatch({ type: "clear-finished" }), []);

  return { items, addFiles, cancel, clearFinished };
}
