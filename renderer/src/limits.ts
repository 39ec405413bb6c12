const MiB = 1024 * 1024;

/** Largest clip that probe and normalize accept; the Worker takes uploads of up to 100 MiB. */
export const MAX_CLIP_BYTES = 100 * MiB;

/** Probe and normalize bodies longer than this get 413; the slack covers rounding on the caller's side. */
export const CLIP_BODY_LIMIT = MAX_CLIP_BYTES + MiB;

/** Largest assemble body (all segments together); a larger one gets 413 before anything is read. */
export const MAX_ASSEMBLE_BYTES = 2048 * MiB;

/** A job (upload, ffmpeg, reply) that runs longer than this is killed and gets a 500 reply. */
export const JOB_TIMEOUT_MS = 10 * 60 * 1000;

export const DEFAULT_MAX_CONCURRENT_JOBS = 2;
