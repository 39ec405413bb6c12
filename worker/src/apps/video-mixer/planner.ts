import { AppError } from "../../core/errors";
import {
  durationTooShortProblem,
  invalidCombinationProblem,
  noClipsProblem,
  noGroupedClipsProblem,
  noPlayableClipsProblem,
  type Problem,
  problemError,
  tooManyVariantsProblem,
} from "./problems";
import type { MixSettings } from "./settings";

export interface PlannerClip {
  id: string;
  groupId: string | null;
  position: number;
  durationSeconds: number;
}

export interface PlannerGroup {
  id: string;
  position: number;
}

export interface SegmentPlan {
  clipId: string;
  /** Seconds into the clip where the segment starts. */
  trimStart: number;
  /** Seconds of the clip to use, before speed; null means up to the clip's end. */
  trimDuration: number | null;
  speed: number;
}

export interface VariantPlan {
  segments: SegmentPlan[];
  /** Length of the rendered output in seconds, after trims and speeds. */
  durationSeconds: number;
}

/** The settings that decide what a variant contains; quality options do not matter here. */
export type PlannerSettings = Pick<
  MixSettings,
  "orderMixing" | "differentStart" | "groupMixing" | "speed" | "duration"
>;

/** Counts above this are reported as this number with `capped: true`. */
export const MAX_DISTINCT_VARIANTS = 1_000_000;

export const MIN_SPEED = 0.5;
export const MAX_SPEED = 2;

/**
 * Shortest output length, in seconds after speed, that the planner trims a segment to. Shorter
 * cuts flash by in a few frames (or none at low frame rates). A clip whose whole length is
 * shorter is used whole instead.
 */
export const MIN_SEGMENT_SECONDS = 0.5;

const SPEED_STEP = 0.05;

// Indices up to 2^53 stay exact in a double; larger spaces are sampled without indexing.
const MAX_INDEXABLE = Number.MAX_SAFE_INTEGER;

/** Returns a problem when the mixing options contradict each other, otherwise null. */
export function validateCombination(settings: PlannerSettings): Problem | null {
  if (settings.groupMixing === "off") return null;
  if (settings.orderMixing || settings.differentStart) return invalidCombinationProblem();
  return null;
}

export function countDistinctVariants(
  clips: PlannerClip[],
  groups: PlannerGroup[],
  settings: PlannerSettings,
): { count: number; capped: boolean } {
  if (validateCombination(settings) !== null) return { count: 0, capped: false };

  const space = sequenceSpace(clips, groups, settings);
  if (space === null) return { count: 0, capped: false };
  return space.size > MAX_DISTINCT_VARIANTS
    ? { count: MAX_DISTINCT_VARIANTS, capped: true }
    : { count: space.size, capped: false };
}

/**
 * Plans `count` variants whose clip sequences are pairwise distinct. The same inputs and `seed`
 * always give the same plans, so a retried job renders the same videos.
 */
export function planVariants(
  clips: PlannerClip[],
  groups: PlannerGroup[],
  settings: PlannerSettings,
  count: number,
  seed: string,
): VariantPlan[] {
  const invalid = validateCombination(settings);
  if (invalid !== null) throw problemError(invalid);

  if (!Number.isSafeInteger(count) || count < 1) {
    throw new AppError("invalid_request", `The variant count must be a positive integer; got ${count}`);
  }

  const space = sequenceSpace(clips, groups, settings);
  if (space === null) throw problemError(noVariantsProblem(clips, settings));

  const available = Math.min(space.size, MAX_DISTINCT_VARIANTS);
  if (count > available) throw problemError(tooManyVariantsProblem(count, available));

  const tooShort = segmentLengthProblem(clips, groups, settings);
  if (tooShort !== null) throw problemError(tooShort);

  const random = createRandom(seed);
  const sequences = pickSequences(space, count, random);
  const lengths = new Map(usableClips(clips).map((clip) => [clip.id, clip.durationSeconds]));

  return sequences.map((sequence) => {
    const clipLengths = sequence.map((id) => lengths.get(id) as number);
    const speeds = sequence.map(() => (settings.speed ? drawSpeed(random, settings.speed) : 1));
    return fitVariant(sequence, clipLengths, speeds, settings.duration);
  });
}

/** Explains why no variant can be planned; the estimate reports the same problem. */
export function noVariantsProblem(clips: PlannerClip[], settings: PlannerSettings): Problem {
  if (clips.length === 0) return noClipsProblem();
  return settings.groupMixing === "off" ? noPlayableClipsProblem() : noGroupedClipsProblem();
}

/**
 * Returns a problem when a fixed duration is too short to give every segment of a variant
 * MIN_SEGMENT_SECONDS, otherwise null. The rule depends only on the segment count, so the
 * estimate and the generation agree whatever speeds a variant draws.
 */
export function segmentLengthProblem(
  clips: PlannerClip[],
  groups: PlannerGroup[],
  settings: PlannerSettings,
): Problem | null {
  if (settings.duration.mode !== "fixed") return null;
  const { seconds } = settings.duration;

  const { grouped, ungrouped } = orderedBuckets(clips, groups);
  const segments = settings.groupMixing === "off" ? grouped.flat().length + ungrouped.length : grouped.length;
  if (segments * MIN_SEGMENT_SECONDS <= seconds) return null;

  return durationTooShortProblem(settings.groupMixing === "off" ? "clips" : "groups", {
    seconds,
    segments,
    minSegmentSeconds: MIN_SEGMENT_SECONDS,
    maxSegments: Math.floor(seconds / MIN_SEGMENT_SECONDS),
    minSeconds: segments * MIN_SEGMENT_SECONDS,
  });
}

// ---------------------------------------------------------------------------------------------
// Clip sequences

interface SequenceSpace {
  /** Number of distinct sequences; Infinity when above 2^53. */
  size: number;
  /** True when variant i must be sequence i (rotations, sequential groups) instead of a sample. */
  ordered: boolean;
  at(index: number): string[];
  sample(random: Random): string[];
}

function usableClips(clips: PlannerClip[]): PlannerClip[] {
  return clips.filter((clip) => Number.isFinite(clip.durationSeconds) && clip.durationSeconds > 0);
}

/** Clip ids per group in group order, with the ungrouped clips (and clips of unknown groups) last. */
function orderedBuckets(clips: PlannerClip[], groups: PlannerGroup[]): { grouped: string[][]; ungrouped: string[] } {
  const byPosition = <T extends { position: number; id: string }>(a: T, b: T) => {
    if (a.position !== b.position) return a.position - b.position;
    if (a.id === b.id) return 0;
    return a.id < b.id ? -1 : 1;
  };

  const sortedGroups = [...groups].sort(byPosition);
  const known = new Set(sortedGroups.map((group) => group.id));
  const sortedClips = usableClips(clips).sort(byPosition);

  const grouped = sortedGroups
    .map((group) => sortedClips.filter((clip) => clip.groupId === group.id).map((clip) => clip.id))
    .filter((bucket) => bucket.length > 0);
  const ungrouped = sortedClips
    .filter((clip) => clip.groupId === null || !known.has(clip.groupId))
    .map((clip) => clip.id);
  return { grouped, ungrouped };
}

/** Describes every sequence the settings allow, or null when there is nothing to mix. */
function sequenceSpace(clips: PlannerClip[], groups: PlannerGroup[], settings: PlannerSettings): SequenceSpace | null {
  const { grouped, ungrouped } = orderedBuckets(clips, groups);

  if (settings.groupMixing === "off") {
    const all = [...grouped.flat(), ...ungrouped];
    if (all.length === 0) return null;
    if (settings.orderMixing) return permutationSpace(all);
    if (settings.differentStart) {
      return { size: all.length, ordered: true, at: (i) => rotateLeft(all, i), sample: () => all };
    }
    return { size: 1, ordered: true, at: () => all, sample: () => all };
  }

  if (grouped.length === 0) return null;
  return settings.groupMixing === "sequential" ? sequentialSpace(grouped) : randomGroupSpace(grouped);
}

function rotateLeft<T>(items: T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

function permutationSpace(items: string[]): SequenceSpace {
  let size = 1;
  for (let n = 2; n <= items.length && size <= MAX_INDEXABLE; n++) size *= n;
  if (size > MAX_INDEXABLE) size = Number.POSITIVE_INFINITY;

  return {
    size,
    ordered: false,
    // Decodes the index as a Lehmer code: digit i picks among the items not yet placed.
    at(index) {
      const remaining = [...items];
      const result: string[] = [];
      let rest = index;
      let factorial = size / items.length;
      for (let place = items.length - 1; place >= 0; place--) {
        const digit = Math.floor(rest / factorial);
        rest -= digit * factorial;
        result.push(remaining.splice(digit, 1)[0] as string);
        if (place > 0) factorial /= place;
      }
      return result;
    },
    sample(random) {
      const result = [...items];
      for (let i = result.length - 1; i > 0; i--) {
        const j = random.below(i + 1);
        [result[i], result[j]] = [result[j] as string, result[i] as string];
      }
      return result;
    },
  };
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/** Variant i takes clip (i mod size) of every group, so the sequences repeat after lcm(sizes). */
function sequentialSpace(grouped: string[][]): SequenceSpace {
  let size = 1;
  for (const bucket of grouped) {
    size = (size / greatestCommonDivisor(size, bucket.length)) * bucket.length;
    if (size > MAX_INDEXABLE) {
      size = Number.POSITIVE_INFINITY;
      break;
    }
  }
  const at = (index: number) => grouped.map((bucket) => bucket[index % bucket.length] as string);
  return { size, ordered: true, at, sample: () => at(0) };
}

/** Picks one clip per group independently, so there are product(sizes) sequences. */
function randomGroupSpace(grouped: string[][]): SequenceSpace {
  let size = 1;
  for (const bucket of grouped) {
    size *= bucket.length;
    if (size > MAX_INDEXABLE) {
      size = Number.POSITIVE_INFINITY;
      break;
    }
  }
  return {
    size,
    ordered: false,
    // Decodes the index in mixed radix, the last group being the lowest digit.
    at(index) {
      const result: string[] = new Array(grouped.length);
      let rest = index;
      for (let g = grouped.length - 1; g >= 0; g--) {
        const bucket = grouped[g] as string[];
        result[g] = bucket[rest % bucket.length] as string;
        rest = Math.floor(rest / bucket.length);
      }
      return result;
    },
    sample: (random) => grouped.map((bucket) => bucket[random.below(bucket.length)] as string),
  };
}

function pickSequences(space: SequenceSpace, count: number, random: Random): string[][] {
  if (space.ordered) return Array.from({ length: count }, (_, i) => space.at(i));

  if (space.size <= MAX_INDEXABLE) {
    return sampleDistinctIndices(space.size, count, random).map((index) => space.at(index));
  }

  // Spaces above 2^53 sequences: a repeat among at most a million draws is vanishingly rare,
  // and the set below rejects the few that happen.
  const seen = new Set<string>();
  const result: string[][] = [];
  while (result.length < count) {
    const sequence = space.sample(random);
    const key = sequence.join("\n");
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(sequence);
  }
  return result;
}

/**
 * Draws `count` distinct integers from [0, size) with a partial Fisher–Yates shuffle whose swaps
 * live in a map, so memory grows with `count`, not with `size`.
 */
function sampleDistinctIndices(size: number, count: number, random: Random): number[] {
  const swapped = new Map<number, number>();
  const result: number[] = [];
  for (let i = 0; i < count; i++) {
    const j = i + random.below(size - i);
    const atJ = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    result.push(atJ);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness

interface Random {
  /** Uniform float in [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform integer in [0, n). */
  below(n: number): number;
}

/** mulberry32 seeded by the 32-bit FNV-1a hash of `seed`. */
function createRandom(seed: string): Random {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    state ^= seed.charCodeAt(i);
    state = Math.imul(state, 0x01000193) >>> 0;
  }

  const next32 = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };

  const next = () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
  return { next, below: (n) => Math.floor(next() * n) };
}

/** Draws a speed uniformly from the range and rounds it to the 0.05 grid, staying inside the range. */
function drawSpeed(random: Random, range: { min: number; max: number }): number {
  const raw = range.min + random.next() * (range.max - range.min);
  let rounded = Math.round(raw / SPEED_STEP) * SPEED_STEP;
  if (rounded < range.min) rounded += SPEED_STEP;
  if (rounded > range.max) rounded -= SPEED_STEP;
  // A range narrower than one step may contain no grid point; keep the raw draw then.
  if (rounded < range.min || rounded > range.max) rounded = raw;
  return Math.round(rounded * 100) / 100;
}

// ---------------------------------------------------------------------------------------------
// Duration fitting

type DurationSetting = PlannerSettings["duration"];

const clampSpeed = (speed: number) => Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));

// Six decimals keep the plan JSON short while the sum of segment lengths stays within 1e-4 s.
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
const floor6 = (value: number) => Math.floor(value * 1e6) / 1e6;

function fitVariant(
  clipIds: string[],
  lengths: number[],
  baseSpeeds: number[],
  duration: DurationSetting,
): VariantPlan {
  let speeds = baseSpeeds;
  let trims: (number | null)[] = lengths.map(() => null);

  if (duration.mode === "fixed") {
    const { fit, seconds } = duration;
    if (fit === "speed") {
      ({ speeds, trims } = fitBySpeed(lengths, baseSpeeds, seconds));
    } else {
      const weights = lengths.map((length) => trimWeight(fit, length));
      ({ speeds, trims } = fitByTrim(lengths, baseSpeeds, seconds, weights));
    }
  }

  const segments = clipIds.map((clipId, i) => ({
    clipId,
    trimStart: 0,
    trimDuration: trims[i] ?? null,
    speed: round6(speeds[i] as number),
  }));
  const total = segments.reduce(
    (sum, segment, i) => sum + (segment.trimDuration ?? (lengths[i] as number)) / segment.speed,
    0,
  );
  return { segments, durationSeconds: Math.round(total * 1000) / 1000 };
}

/** Output length when every base speed is scaled by `factor` and clamped to 0.5–2.0. */
function lengthAtScale(lengths: number[], baseSpeeds: number[], factor: number): number {
  return lengths.reduce((sum, length, i) => sum + length / clampSpeed((baseSpeeds[i] as number) * factor), 0);
}

/**
 * Finds the factor in [low, high] at which the clamped output length equals `target`. The length
 * falls as the factor grows, so bisection converges; 200 halvings reach double precision.
 */
function solveScale(lengths: number[], baseSpeeds: number[], target: number, low: number, high: number): number {
  let lo = low;
  let hi = high;
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (lengthAtScale(lengths, baseSpeeds, mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * `fit: "speed"`: scales every segment's speed by one factor so the clips fill `target` seconds,
 * clamping each speed to 0.5–2.0. Clips too long even at 2.0 are trimmed by the same ratio, and
 * clips too short even at 0.5 give a shorter output.
 */
function fitBySpeed(lengths: number[], baseSpeeds: number[], target: number) {
  const shortest = lengths.reduce((sum, length) => sum + length / MAX_SPEED, 0);
  const longest = lengths.reduce((sum, length) => sum + length / MIN_SPEED, 0);

  if (target >= longest) {
    return { speeds: lengths.map(() => MIN_SPEED), trims: lengths.map(() => null) };
  }

  // Even 2x is too long: trim every clip in proportion to its length, but no cut below the minimum.
  if (target <= shortest) {
    const capacities = lengths.map((length) => length / MAX_SPEED);
    const shares = divideTarget(target, lengths, capacities);
    return {
      speeds: lengths.map(() => MAX_SPEED),
      trims: lengths.map((length, i) => Math.min(length, floor6((shares[i] as number) * MAX_SPEED))),
    };
  }

  const natural = lengths.reduce((sum, length, i) => sum + length / (baseSpeeds[i] as number), 0);
  let factor = natural / target;
  const clamped = baseSpeeds.some((speed) => clampSpeed(speed * factor) !== speed * factor);
  if (clamped) {
    factor = solveScale(
      lengths,
      baseSpeeds,
      target,
      MIN_SPEED / Math.max(...baseSpeeds),
      MAX_SPEED / Math.min(...baseSpeeds),
    );
  }
  return {
    speeds: baseSpeeds.map((speed) => clampSpeed(speed * factor)),
    trims: lengths.map(() => null),
  };
}

/** Weight of a clip of `length` seconds in its share of the target duration. */
function trimWeight(fit: "equal" | "proportional" | "weighted", length: number): number {
  if (fit === "equal") return 1;
  if (fit === "proportional") return length;
  return length ** 1.5;
}

/**
 * Splits `target` output seconds among segments in proportion to `weights`, keeping each share
 * between MIN_SEGMENT_SECONDS (or the whole capacity when that is smaller) and its capacity:
 * share = clamp(weight × scale, floor, capacity), with the scale found by bisection so that
 * the shares add up to `target`. The time a capped clip cannot use goes to the others, and a
 * floored clip takes its extra time from them. The caller ensures that the floors fit in
 * `target` and that the capacities exceed it.
 */
function divideTarget(target: number, weights: number[], capacities: number[]): number[] {
  const floors = capacities.map((capacity) => Math.min(MIN_SEGMENT_SECONDS, capacity));
  const sharesAt = (scale: number) =>
    weights.map((weight, i) => Math.min(capacities[i] as number, Math.max(floors[i] as number, weight * scale)));
  const totalAt = (scale: number) => sharesAt(scale).reduce((sum, share) => sum + share, 0);

  let low = 0;
  let high = 1;
  while (totalAt(high) < target && high < Number.MAX_VALUE / 2) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-15 * high; i++) {
    const mid = (low + high) / 2;
    if (totalAt(mid) < target) low = mid;
    else high = mid;
  }
  return sharesAt((low + high) / 2);
}

/**
 * Fits `equal`, `proportional` and `weighted`: each segment gets a share of `target` output
 * seconds in proportion to its weight, within the bounds of divideTarget. Trims are the shares
 * times the speeds.
 */
function fitByTrim(lengths: number[], baseSpeeds: number[], target: number, weights: number[]) {
  const capacity = lengths.map((length, i) => length / (baseSpeeds[i] as number));
  const total = capacity.reduce((sum, value) => sum + value, 0);

  // The clips cannot fill the target at their speeds: use them whole and slow them down.
  if (total <= target) {
    const allSlowest = MIN_SPEED / Math.max(...baseSpeeds);
    const factor =
      lengthAtScale(lengths, baseSpeeds, allSlowest) <= target
        ? allSlowest
        : solveScale(lengths, baseSpeeds, target, allSlowest, 1);
    return { speeds: baseSpeeds.map((speed) => clampSpeed(speed * factor)), trims: lengths.map(() => null) };
  }

  const shares = divideTarget(target, weights, capacity);
  return {
    speeds: baseSpeeds,
    trims: shares.map((share, i) => {
      const length = lengths[i] as number;
      const trim = round6(share * (baseSpeeds[i] as number));
      return trim >= length ? null : trim;
    }),
  };
}
