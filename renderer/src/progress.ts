/** A job id the caller may send as `X-Job-Id` to poll the job's progress on `GET /v1/jobs/:jobId`. */
export const JOB_ID_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

/** How long a finished job's progress stays readable, so that a poll racing the reply still gets a value. */
export const FINISHED_JOB_TTL_MS = 60_000;

/** Maximum number of jobs in the registry. Past it the oldest entries are dropped first. */
export const MAX_TRACKED_JOBS = 1000;

interface Entry {
  progress: number;
  /** When the job ended (`Date.now()`), or null while it runs. */
  endedAt: number | null;
}

/**
 * Progress of the jobs that sent an `X-Job-Id`, in memory only. Entries expire when they are
 * read or when room is needed, so nothing runs on a timer and nothing touches the disk.
 */
export class JobProgressRegistry {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries = MAX_TRACKED_JOBS,
    private readonly ttlMs = FINISHED_JOB_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts tracking a job at 0; a second job with the same id replaces the first. */
  start(id: string) {
    this.#entries.delete(id);
    this.#prune();
    while (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    this.#entries.set(id, { progress: 0, endedAt: null });
  }

  /** Records a new value from 0 to 1; progress never moves backwards. */
  update(id: string, progress: number) {
    const entry = this.#entries.get(id);
    if (!entry || entry.endedAt !== null || !Number.isFinite(progress)) return;
    entry.progress = Math.max(entry.progress, Math.min(1, Math.max(0, progress)));
  }

  /** Marks the job ended; a job that succeeded reads 1 from now on. */
  end(id: string, succeeded: boolean) {
    const entry = this.#entries.get(id);
    if (!entry) return;
    if (succeeded) entry.progress = 1;
    entry.endedAt = this.now();
  }

  /** Returns the job's progress, or null when the id is unknown or the job ended over the TTL ago. */
  get(id: string): number | null {
    const entry = this.#entries.get(id);
    if (!entry) return null;
    if (this.#expired(entry)) {
      this.#entries.delete(id);
      return null;
    }
    return entry.progress;
  }

  get size(): number {
    return this.#entries.size;
  }

  #expired(entry: Entry): boolean {
    return entry.endedAt !== null && this.now() - entry.endedAt > this.ttlMs;
  }

  #prune() {
    for (const [id, entry] of this.#entries) {
      if (this.#expired(entry)) this.#entries.delete(id);
    }
  }
}
