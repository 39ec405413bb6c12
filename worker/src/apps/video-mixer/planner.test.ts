import { describe, expect, it } from "vitest";
import { AppError } from "../../core/errors";
import {
  countDistinctVariants,
  MAX_DISTINCT_VARIANTS,
  MIN_SEGMENT_SECONDS,
  type PlannerClip,
  type PlannerGroup,
  type PlannerSettings,
  planVariants,
  segmentLengthProblem,
  type VariantPlan,
  validateCombination,
} from "./planner";

const base: PlannerSettings = {
  orderMixing: false,
  differentStart: false,
  groupMixing: "off",
  speed: null,
  duration: { mode: "original" },
};

function settings(overrides: Partial<PlannerSettings>): PlannerSettings {
  return { ...base, ...overrides };
}

function clip(id: string, durationSeconds: number, groupId: string | null = null, position = 0): PlannerClip {
  return { id, groupId, position, durationSeconds };
}

/** n ungrouped clips c0…c(n-1) lasting 2, 3, 4 … seconds. */
function ungrouped(n: number): PlannerClip[] {
  return Array.from({ length: n }, (_, i) => clip(`c${i}`, 2 + i, null, i));
}

/** Groups g0… with the given sizes; clip ids are `g{group}c{index}`, each 3 s long. */
function grouped(sizes: number[]): { clips: PlannerClip[]; groups: PlannerGroup[] } {
  const groups = sizes.map((_, g) => ({ id: `g${g}`, position: g }));
  const clips = sizes.flatMap((size, g) => Array.from({ length: size }, (_, i) => clip(`g${g}c${i}`, 3, `g${g}`, i)));
  return { clips, groups };
}

const sequenceOf = (plan: VariantPlan) => plan.segments.map((segment) => segment.clipId).join(",");

function expectPairwiseDistinct(plans: VariantPlan[]) {
  expect(new Set(plans.map(sequenceOf)).size).toBe(plans.length);
}

function outputLength(plan: VariantPlan, clips: PlannerClip[]): number {
  const lengths = new Map(clips.map((c) => [c.id, c.durationSeconds]));
  return plan.segments.reduce(
    (sum, segment) => sum + (segment.trimDuration ?? (lengths.get(segment.clipId) as number)) / segment.speed,
    0,
  );
}

/** Runs `run` and checks it throws a 400 AppError whose message matches and whose `details.problem` is `problem`. */
function expectAppError(run: () => unknown, pattern: RegExp, problem?: string) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).message).toMatch(pattern);
    if (problem !== undefined) expect((error as AppError).details?.problem).toBe(problem);
    return;
  }
  throw new Error("expected an AppError");
}

describe("countDistinctVariants", () => {
  it("counts one sequence without mixing", () => {
    expect(countDistinctVariants(ungrouped(4), [], base)).toEqual({ count: 1, capped: false });
  });

  it("counts n! orders with order mixing", () => {
    expect(countDistinctVariants(ungrouped(4), [], settings({ orderMixing: true }))).toEqual({
      count: 24,
      capped: false,
    });
  });

  it("counts n rotations with different start", () => {
    expect(countDistinctVariants(ungrouped(5), [], settings({ differentStart: true }))).toEqual({
      count: 5,
      capped: false,
    });
  });

  it("caps huge spaces at one million", () => {
    expect(countDistinctVariants(ungrouped(10), [], settings({ orderMixing: true }))).toEqual({
      count: MAX_DISTINCT_VARIANTS,
      capped: true,
    });
    expect(countDistinctVariants(ungrouped(30), [], settings({ orderMixing: true }))).toEqual({
      count: MAX_DISTINCT_VARIANTS,
      capped: true,
    });
  });

  it("counts lcm of sizes for sequential groups", () => {
    const { clips, groups } = grouped([2, 3, 4]);
    expect(countDistinctVariants(clips, groups, settings({ groupMixing: "sequential" }))).toEqual({
      count: 12,
      capped: false,
    });
  });

  it("counts product of sizes for random groups", () => {
    const { clips, groups } = grouped([2, 3, 4]);
    expect(countDistinctVariants(clips, groups, settings({ groupMixing: "random" }))).toEqual({
      count: 24,
      capped: false,
    });
  });

  it("ignores ungrouped clips and empty groups in group mixing", () => {
    const { clips, groups } = grouped([2, 3]);
    const withExtras = [...clips, clip("loose", 5)];
    const moreGroups = [...groups, { id: "empty", position: 5 }];
    expect(countDistinctVariants(withExtras, moreGroups, settings({ groupMixing: "random" })).count).toBe(6);
  });

  it("counts zero without clips", () => {
    expect(countDistinctVariants([], [], base)).toEqual({ count: 0, capped: false });
    expect(countDistinctVariants(ungrouped(3), [], settings({ groupMixing: "sequential" })).count).toBe(0);
  });

  it("skips clips without a positive duration", () => {
    const clips = [...ungrouped(3), clip("broken", 0)];
    expect(countDistinctVariants(clips, [], settings({ orderMixing: true })).count).toBe(6);
  });
});

describe("validateCombination", () => {
  it("rejects order mixing with group mixing", () => {
    const problem = validateCombination(settings({ groupMixing: "random", orderMixing: true }));
    expect(problem?.code).toBe("invalid_combination");
    expect(problem?.message).toMatch(/group order|in their order/);
  });

  it("rejects different start with group mixing", () => {
    expect(validateCombination(settings({ groupMixing: "sequential", differentStart: true }))).not.toBeNull();
  });

  it("accepts the valid combinations", () => {
    expect(validateCombination(settings({ orderMixing: true, differentStart: true }))).toBeNull();
    expect(validateCombination(settings({ groupMixing: "random" }))).toBeNull();
  });

  it("makes planVariants throw 400", () => {
    const { clips, groups } = grouped([2, 2]);
    expectAppError(
      () => planVariants(clips, groups, settings({ groupMixing: "random", orderMixing: true }), 1, "s"),
      /group mixing/,
      "invalid_combination",
    );
  });
});

describe("planVariants sequences", () => {
  it("keeps group order then clip order, ungrouped last", () => {
    const groups = [
      { id: "b", position: 1 },
      { id: "a", position: 0 },
    ];
    const clips = [clip("loose", 2, null, 0), clip("b1", 2, "b", 1), clip("b0", 2, "b", 0), clip("a0", 2, "a", 0)];
    const [plan] = planVariants(clips, groups, base, 1, "seed");
    expect(sequenceOf(plan as VariantPlan)).toBe("a0,b0,b1,loose");
  });

  it("rotates left by the variant index", () => {
    const plans = planVariants(ungrouped(3), [], settings({ differentStart: true }), 3, "seed");
    expect(plans.map(sequenceOf)).toEqual(["c0,c1,c2", "c1,c2,c0", "c2,c0,c1"]);
  });

  it("takes clip i mod size per group when sequential", () => {
    const { clips, groups } = grouped([2, 3]);
    const plans = planVariants(clips, groups, settings({ groupMixing: "sequential" }), 6, "seed");
    expect(plans.map(sequenceOf)).toEqual([
      "g0c0,g1c0",
      "g0c1,g1c1",
      "g0c0,g1c2",
      "g0c1,g1c0",
      "g0c0,g1c1",
      "g0c1,g1c2",
    ]);
  });

  it("enumerates every order when count equals the space", () => {
    const plans = planVariants(ungrouped(4), [], settings({ orderMixing: true }), 24, "seed");
    expectPairwiseDistinct(plans);
    for (const plan of plans) expect([...plan.segments.map((s) => s.clipId)].sort()).toEqual(["c0", "c1", "c2", "c3"]);
  });

  it("picks one clip per group when random", () => {
    const { clips, groups } = grouped([3, 3, 3]);
    const plans = planVariants(clips, groups, settings({ groupMixing: "random" }), 27, "seed");
    expectPairwiseDistinct(plans);
    for (const plan of plans) {
      expect(plan.segments.map((s) => s.clipId.slice(0, 2))).toEqual(["g0", "g1", "g2"]);
    }
  });

  it("samples distinct orders from a huge space", () => {
    const plans = planVariants(ungrouped(25), [], settings({ orderMixing: true }), 100, "seed");
    expect(plans).toHaveLength(100);
    expectPairwiseDistinct(plans);
  });

  it("samples distinct picks from a huge random-group space", () => {
    const { clips, groups } = grouped(Array.from({ length: 30 }, () => 4));
    const plans = planVariants(clips, groups, settings({ groupMixing: "random" }), 100, "seed");
    expectPairwiseDistinct(plans);
  });

  it("is deterministic by seed", () => {
    const mix = settings({ orderMixing: true, speed: { min: 0.5, max: 2 } });
    const first = planVariants(ungrouped(6), [], mix, 20, "generation-1");
    const again = planVariants(ungrouped(6), [], mix, 20, "generation-1");
    const other = planVariants(ungrouped(6), [], mix, 20, "generation-2");
    expect(again).toEqual(first);
    expect(other.map(sequenceOf)).not.toEqual(first.map(sequenceOf));
  });

  it("rejects a count above the distinct variants", () => {
    expectAppError(
      () => planVariants(ungrouped(3), [], settings({ orderMixing: true }), 7, "s"),
      /only 6 distinct/,
      "too_many_variants",
    );
    expectAppError(() => planVariants(ungrouped(3), [], base, 2, "s"), /only 1 distinct/, "too_many_variants");
  });

  it("rejects a project without usable clips", () => {
    expectAppError(() => planVariants([], [], base, 1, "s"), /no clips/, "no_clips");
    expectAppError(() => planVariants([clip("broken", 0)], [], base, 1, "s"), /no playable clips/, "no_playable_clips");
    expectAppError(
      () => planVariants(ungrouped(2), [], settings({ groupMixing: "random" }), 1, "s"),
      /group/,
      "no_grouped_clips",
    );
  });

  it("rejects a count below one", () => {
    expectAppError(() => planVariants(ungrouped(2), [], base, 0, "s"), /positive integer/);
  });
});

describe("planVariants speeds", () => {
  it("draws each segment's speed within the range on the 0.05 grid", () => {
    const plans = planVariants(
      ungrouped(5),
      [],
      settings({ orderMixing: true, speed: { min: 0.8, max: 1.3 } }),
      50,
      "s",
    );
    const speeds = plans.flatMap((plan) => plan.segments.map((segment) => segment.speed));
    for (const speed of speeds) {
      expect(speed).toBeGreaterThanOrEqual(0.8);
      expect(speed).toBeLessThanOrEqual(1.3);
      expect(Math.abs(speed * 20 - Math.round(speed * 20))).toBeLessThan(1e-9);
    }
    expect(new Set(speeds).size).toBeGreaterThan(3);
  });

  it("uses speed 1 without a range", () => {
    const [plan] = planVariants(ungrouped(3), [], base, 1, "s");
    expect(plan?.segments.map((segment) => segment.speed)).toEqual([1, 1, 1]);
  });

  it("sums clip lengths over speeds for original duration", () => {
    const clips = ungrouped(4);
    const plans = planVariants(clips, [], settings({ orderMixing: true, speed: { min: 0.5, max: 2 } }), 10, "s");
    for (const plan of plans) {
      expect(plan.segments.every((segment) => segment.trimDuration === null && segment.trimStart === 0)).toBe(true);
      expect(plan.durationSeconds).toBeCloseTo(outputLength(plan, clips), 2);
    }
  });
});

describe("planVariants fixed duration", () => {
  const clips = [clip("a", 4, null, 0), clip("b", 10, null, 1), clip("c", 16, null, 2)];

  function expectTrimsInsideClips(plan: VariantPlan) {
    const lengths = new Map(clips.map((c) => [c.id, c.durationSeconds]));
    for (const segment of plan.segments) {
      const length = lengths.get(segment.clipId) as number;
      expect(segment.trimStart).toBeGreaterThanOrEqual(0);
      expect(segment.trimStart + (segment.trimDuration ?? length - segment.trimStart)).toBeLessThanOrEqual(length);
    }
  }

  for (const fit of ["speed", "equal", "proportional", "weighted"] as const) {
    it(`${fit} fit hits the target`, () => {
      const mix = settings({
        orderMixing: true,
        speed: { min: 0.9, max: 1.2 },
        duration: { mode: "fixed", seconds: 15, fit },
      });
      for (const plan of planVariants(clips, [], mix, 6, "s")) {
        expect(Math.abs(outputLength(plan, clips) - 15)).toBeLessThan(0.01);
        expect(Math.abs(plan.durationSeconds - 15)).toBeLessThan(0.01);
        expectTrimsInsideClips(plan);
        for (const segment of plan.segments) {
          expect(segment.speed).toBeGreaterThanOrEqual(0.5);
          expect(segment.speed).toBeLessThanOrEqual(2);
        }
      }
    });
  }

  it("speed fit scales speeds without trimming", () => {
    const [plan] = planVariants(
      clips,
      [],
      settings({ duration: { mode: "fixed", seconds: 20, fit: "speed" } }),
      1,
      "s",
    );
    expect(plan?.segments.map((segment) => segment.trimDuration)).toEqual([null, null, null]);
    expect(plan?.segments[0]?.speed).toBeCloseTo(1.5, 6);
  });

  it("speed fit clamps speeds and still hits the target", () => {
    const mix = settings({ speed: { min: 0.5, max: 2 }, duration: { mode: "fixed", seconds: 40, fit: "speed" } });
    for (const plan of planVariants(clips, [], { ...mix, orderMixing: true }, 6, "seed-clamp")) {
      expect(Math.abs(outputLength(plan, clips) - 40)).toBeLessThan(0.01);
      for (const segment of plan.segments) expect(segment.speed).toBeGreaterThanOrEqual(0.5);
    }
  });

  it("speed fit trims when 2x is not enough", () => {
    const [plan] = planVariants(clips, [], settings({ duration: { mode: "fixed", seconds: 5, fit: "speed" } }), 1, "s");
    expect(plan?.segments.every((segment) => segment.speed === 2)).toBe(true);
    expect(Math.abs(outputLength(plan as VariantPlan, clips) - 5)).toBeLessThan(0.01);
    expectTrimsInsideClips(plan as VariantPlan);
  });

  it("speed fit gives a shorter output when 0.5x is not enough", () => {
    const [plan] = planVariants(
      clips,
      [],
      settings({ duration: { mode: "fixed", seconds: 120, fit: "speed" } }),
      1,
      "s",
    );
    expect(plan?.durationSeconds).toBe(60);
  });

  it("equal fit gives each clip the same time when it can", () => {
    const [plan] = planVariants(
      clips,
      [],
      settings({ duration: { mode: "fixed", seconds: 15, fit: "equal" } }),
      1,
      "s",
    );
    expect(plan?.segments.map((segment) => segment.trimDuration)).toEqual([null, 5.5, 5.5]);
  });

  it("proportional fit follows clip lengths", () => {
    const [plan] = planVariants(
      clips,
      [],
      settings({ duration: { mode: "fixed", seconds: 15, fit: "proportional" } }),
      1,
      "s",
    );
    expect(plan?.segments.map((segment) => segment.trimDuration)).toEqual([2, 5, 8]);
  });

  it("weighted fit favours long clips", () => {
    const [plan] = planVariants(
      clips,
      [],
      settings({ duration: { mode: "fixed", seconds: 15, fit: "weighted" } }),
      1,
      "s",
    );
    const [a, b, c] = plan?.segments.map((segment) => segment.trimDuration as number) ?? [];
    expect((c as number) / (a as number)).toBeCloseTo(8, 4);
    expect(b as number).toBeGreaterThan(a as number);
  });

  it("trim fits slow down clips that are too short", () => {
    const [plan] = planVariants(
      clips,
      [],
      settings({ duration: { mode: "fixed", seconds: 45, fit: "equal" } }),
      1,
      "s",
    );
    expect(plan?.segments.every((segment) => segment.trimDuration === null)).toBe(true);
    expect(Math.abs(outputLength(plan as VariantPlan, clips) - 45)).toBeLessThan(0.01);
  });

  it("trim fits stop at 0.5x and report the shorter length", () => {
    const [plan] = planVariants(
      clips,
      [],
      settings({ duration: { mode: "fixed", seconds: 90, fit: "weighted" } }),
      1,
      "s",
    );
    expect(plan?.segments.every((segment) => segment.speed === 0.5)).toBe(true);
    expect(plan?.durationSeconds).toBe(60);
  });
});

describe("planVariants minimum segment length", () => {
  // Three 1 s clips and a long one: the long one's weight leaves the short ones almost nothing.
  const clips = [clip("a", 1, null, 0), clip("b", 1, null, 1), clip("c", 1, null, 2), clip("long", 60, null, 3)];

  function outputSeconds(plan: VariantPlan) {
    const lengths = new Map(clips.map((c) => [c.id, c.durationSeconds]));
    return plan.segments.map(
      (segment) => (segment.trimDuration ?? (lengths.get(segment.clipId) as number)) / segment.speed,
    );
  }

  for (const fit of ["speed", "equal", "proportional", "weighted"] as const) {
    it(`${fit} fit keeps every segment at least 0.5 s`, () => {
      const mix = settings({ orderMixing: true, duration: { mode: "fixed", seconds: 5, fit } });
      for (const plan of planVariants(clips, [], mix, 4, "min-segment")) {
        for (const seconds of outputSeconds(plan)) expect(seconds).toBeGreaterThanOrEqual(MIN_SEGMENT_SECONDS - 1e-5);
        expect(Math.abs(outputLength(plan, clips) - 5)).toBeLessThan(0.01);
      }
    });
  }

  it("uses a clip shorter than the minimum whole", () => {
    const short = [clip("tiny", 0.3, null, 0), clip("long", 60, null, 1)];
    const mix = settings({ duration: { mode: "fixed", seconds: 5, fit: "weighted" } });
    const [plan] = planVariants(short, [], mix, 1, "s");
    expect(plan?.segments[0]).toMatchObject({ clipId: "tiny", trimDuration: null, speed: 1 });
    expect(Math.abs(outputLength(plan as VariantPlan, short) - 5)).toBeLessThan(0.01);
  });

  it("rejects more clips than the duration can hold", () => {
    const many = Array.from({ length: 12 }, (_, i) => clip(`c${i}`, 10, null, i));
    const mix = settings({ duration: { mode: "fixed", seconds: 5, fit: "equal" } });

    expect(segmentLengthProblem(many, [], mix)).toEqual({
      code: "duration_too_short",
      message:
        "A 5 s video cannot give each of its 12 clips at least 0.5 s. Use at most 10 clips, or set the duration to at least 6 s.",
      params: { seconds: 5, segments: 12, minSegmentSeconds: 0.5, maxSegments: 10, minSeconds: 6 },
    });
    expectAppError(() => planVariants(many, [], mix, 1, "s"), /at most 10 clips/, "duration_too_short");
  });

  it("counts groups, not clips, with group mixing", () => {
    const { clips: groupedClips, groups } = grouped(Array.from({ length: 11 }, () => 2));
    const mix = settings({ groupMixing: "sequential", duration: { mode: "fixed", seconds: 5, fit: "speed" } });

    const problem = segmentLengthProblem(groupedClips, groups, mix);
    expect(problem?.code).toBe("duration_too_short_for_groups");
    expect(problem?.message).toMatch(/each of the 11 groups.*at most 10 groups/);
    expect(problem?.params).toEqual({
      seconds: 5,
      segments: 11,
      minSegmentSeconds: 0.5,
      maxSegments: 10,
      minSeconds: 5.5,
    });
    expect(segmentLengthProblem(groupedClips.slice(0, 20), groups.slice(0, 10), mix)).toBeNull();
  });

  it("accepts exactly the minimum and any original duration", () => {
    const ten = Array.from({ length: 10 }, (_, i) => clip(`c${i}`, 10, null, i));
    const fixed = settings({ duration: { mode: "fixed", seconds: 5, fit: "equal" } });

    expect(segmentLengthProblem(ten, [], fixed)).toBeNull();
    expect(segmentLengthProblem([...ten, clip("c10", 10, null, 10)], [], settings({}))).toBeNull();
    const [plan] = planVariants(ten, [], fixed, 1, "s");
    expect(plan?.segments.every((segment) => segment.trimDuration === 0.5)).toBe(true);
  });
});
