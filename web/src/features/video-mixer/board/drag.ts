/** Drag-and-drop payload type for moving clips between groups inside the page. */
export const CLIP_DRAG_TYPE = "application/x-lumiku-clips";

export function writeDraggedClips(dataTransfer: DataTransfer, clipIds: string[]): void {
  dataTransfer.setData(CLIP_DRAG_TYPE, JSON.stringify(clipIds));
  dataTransfer.effectAllowed = "move";
}

/** Reads the clip ids of a drop, or returns an empty list for anything else (files, text, junk). */
export function readDraggedClips(dataTransfer: DataTransfer): string[] {
  const raw = dataTransfer.getData(CLIP_DRAG_TYPE);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

export function isClipDrag(dataTransfer: DataTransfer): boolean {
  return dataTransfer.types.includes(CLIP_DRAG_TYPE);
}

export function isFileDrag(dataTransfer: DataTransfer): boolean {
  return dataTransfer.types.includes("Files");
}
