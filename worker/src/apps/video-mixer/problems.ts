import { AppError, type ErrorCode } from "../../core/errors";

/**
 * Stable codes for the reasons a generation cannot start. Clients translate them by code, so a
 * code keeps its meaning and its params once released. New codes may be added later.
 */
export const PROBLEM_CODES = [
  "no_clips",
  "no_playable_clips",
  "no_grouped_clips",
  "invalid_combination",
  "too_many_variants",
  "duration_too_short",
  "duration_too_short_for_groups",
  "insufficient_credits",
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One reason a generation cannot start: its code, an English sentence, and the values the sentence names. */
export interface Problem {
  code: ProblemCode;
  message: string;
  params: Record<string, string | number>;
}

/**
 * Builds the error a generation request fails with for `problem`. `details` is
 * `{ problem: code, ...params }`, so clients can show the same translated text as for the estimate.
 */
export function problemError(problem: Problem, code: ErrorCode = "invalid_request"): AppError {
  return new AppError(code, problem.message, { problem: problem.code, ...problem.params });
}

export function noClipsProblem(): Problem {
  return { code: "no_clips", message: "The project has no clips yet. Upload at least one clip.", params: {} };
}

/** Builds the problem of a project whose clips all lack a positive duration, so there is nothing to mix. */
export function noPlayableClipsProblem(): Problem {
  return {
    code: "no_playable_clips",
    message: "The project has no playable clips yet. Upload at least one clip.",
    params: {},
  };
}

export function noGroupedClipsProblem(): Problem {
  return {
    code: "no_grouped_clips",
    message: "Group mixing needs at least one group with clips. Move clips into groups or turn off group mixing.",
    params: {},
  };
}

export function invalidCombinationProblem(): Problem {
  return {
    code: "invalid_combination",
    message:
      "Order mixing and different start cannot be combined with group mixing, because group mixing keeps the groups in their order. Turn off order mixing and different start, or turn off group mixing.",
    params: {},
  };
}

/** Builds the problem of a request for `count` variants when only `distinctVariants` distinct ones exist. */
export function tooManyVariantsProblem(count: number, distinctVariants: number): Problem {
  return {
    code: "too_many_variants",
    message: `${count} variants were requested, but these clips and settings give only ${distinctVariants} distinct variants. Lower the count, add clips, or turn on more mixing options.`,
    params: { count, distinctVariants },
  };
}

/**
 * Builds the problem of a fixed duration of `seconds` too short to give each of `segments`
 * segments `minSegmentSeconds`. Segments are clips without group mixing and groups with it.
 * `maxSegments` is the most that fit, and `minSeconds` is the shortest duration that fits them all.
 */
export function durationTooShortProblem(
  segmentKind: "clips" | "groups",
  params: { seconds: number; segments: number; minSegmentSeconds: number; maxSegments: number; minSeconds: number },
): Problem {
  const { seconds, segments, minSegmentSeconds, maxSegments, minSeconds } = params;
  if (segmentKind === "clips") {
    return {
      code: "duration_too_short",
      message: `A ${seconds} s video cannot give each of its ${segments} clips at least ${minSegmentSeconds} s. Use at most ${maxSegments} clips, or set the duration to at least ${minSeconds} s.`,
      params,
    };
  }
  return {
    code: "duration_too_short_for_groups",
    message: `Each variant takes one clip from each of the ${segments} groups, and a ${seconds} s video cannot give each of them at least ${minSegmentSeconds} s. Use at most ${maxSegments} groups, or set the duration to at least ${minSeconds} s.`,
    params,
  };
}

export function insufficientCreditsProblem(required: number, balance: number): Problem {
  return {
    code: "insufficient_credits",
    message: `This generation costs ${required} credits, but the balance is ${balance}. Top up or lower the count.`,
    params: { required, balance },
  };
}
