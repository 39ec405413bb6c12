import { z } from "@hono/zod-openapi";
import { displayParagraph, displayText } from "../../core/text";
import { PROBLEM_CODES } from "./problems";
import { mixSettingsSchema } from "./settings";

// ---------------------------------------------------------------------------------------------
// Path parameters. Ids are not checked for shape: an id that matches nothing is a 404 either way.

const id = z.string().min(1).max(100);

export const projectParams = z.object({ projectId: id.openapi({ param: { name: "projectId", in: "path" } }) });
export const groupParams = z.object({ groupId: id.openapi({ param: { name: "groupId", in: "path" } }) });
export const clipParams = z.object({ clipId: id.openapi({ param: { name: "clipId", in: "path" } }) });
export const generationParams = z.object({
  generationId: id.openapi({ param: { name: "generationId", in: "path" } }),
});

export const MAX_VARIANTS_PER_GENERATION = 100;

export const outputParams = generationParams.extend({
  // Digits only: `z.coerce.number` alone would also read "0x1", "1e0" or " 1" as 1.
  index: z
    .string()
    .regex(/^\d{1,3}$/, "Use the output's zero-based index, e.g. 0")
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(0)
        .max(MAX_VARIANTS_PER_GENERATION - 1),
    )
    .openapi({ param: { name: "index", in: "path" }, type: "integer", description: "Zero-based output index" }),
});

// ---------------------------------------------------------------------------------------------
// Request bodies

const projectName = displayText({ max: 100, required: "Enter a project name" });
const projectDescription = displayParagraph({ max: 500 });
const groupName = displayText({ max: 100, required: "Enter a group name" });

export const createProjectBody = z
  .object({ name: projectName, description: projectDescription.optional() })
  .openapi("VideoMixerCreateProject");

export const updateProjectBody = z
  .object({ name: projectName.optional(), description: projectDescription.optional() })
  .refine((body) => body.name !== undefined || body.description !== undefined, "Send a name or a description")
  .openapi("VideoMixerUpdateProject");

export const createGroupBody = z.object({ name: groupName }).openapi("VideoMixerCreateGroup");

export const updateGroupBody = z
  .object({
    name: groupName.optional(),
    /** Zero-based index among the project's groups; values past the end move the group last. */
    position: z.number().int().min(0).optional(),
  })
  .refine((body) => body.name !== undefined || body.position !== undefined, "Send a name or a position")
  .openapi("VideoMixerUpdateGroup");

export const updateClipBody = z
  .object({
    groupId: id.nullable(),
    /** Zero-based index inside the target group (or among ungrouped clips); omitted keeps it or appends. */
    order: z.number().int().min(0).optional(),
  })
  .openapi("VideoMixerUpdateClip");

/** Settings and variant count: the body of both the estimate and the generation request. */
export const generationRequestBody = z
  .object({
    settings: mixSettingsSchema,
    count: z.number().int().min(1).max(MAX_VARIANTS_PER_GENERATION),
  })
  .openapi("VideoMixerGenerationRequest");

/** The multipart upload body, described for the docs only: the handler parses it as a stream. */
export const uploadClipBodyDoc = {
  type: "object" as const,
  required: ["file"],
  properties: {
    file: { type: "string" as const, format: "binary", description: "MP4, MOV, WebM or MKV video, at most 100 MiB" },
    groupId: { type: "string" as const, description: "Group to put the clip in; omit for an ungrouped clip" },
  },
};

// ---------------------------------------------------------------------------------------------
// Responses

export const projectSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    clipCount: z.number().int(),
    groupCount: z.number().int(),
    createdAt: z.string().openapi({ format: "date-time" }),
    updatedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("VideoMixerProject");

export const groupSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    name: z.string(),
    position: z.number().int(),
    clipCount: z.number().int(),
  })
  .openapi("VideoMixerGroup");

export const projectDetailSchema = projectSchema
  .extend({ groups: z.array(groupSchema) })
  .openapi("VideoMixerProjectDetail");

export const clipSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    groupId: z.string().nullable(),
    position: z.number().int(),
    fileName: z.string(),
    sizeBytes: z.number().int(),
    container: z.enum(["mp4", "mov", "webm", "mkv"]),
    durationSeconds: z.number(),
    width: z.number().int(),
    height: z.number().int(),
    rotation: z.number().int(),
    fps: z.number(),
    videoCodec: z.string(),
    audioCodec: z.string().nullable(),
    hasAudio: z.boolean(),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("VideoMixerClip");

export const problemSchema = z
  .object({
    code: z.enum(PROBLEM_CODES).openapi({
      description: "Stable code to translate the problem by. New codes may be added; show `message` for unknown ones",
    }),
    message: z.string().openapi({ description: "The problem as an English sentence" }),
    params: z.record(z.string(), z.union([z.string(), z.number()])).openapi({
      description:
        "Values the message names, by code: too_many_variants {count, distinctVariants}; insufficient_credits {required, balance}; duration_too_short and duration_too_short_for_groups {seconds, segments, minSegmentSeconds, maxSegments, minSeconds}; the others none",
      example: { count: 7, distinctVariants: 6 },
    }),
  })
  .openapi("VideoMixerProblem");

export const estimateSchema = z
  .object({
    count: z.number().int(),
    distinctVariants: z.number().int(),
    distinctVariantsCapped: z.boolean(),
    pricePerVariant: z.number().int(),
    totalCost: z.number().int(),
    predictedDurationSeconds: z.number().openapi({ description: "Mean length of a variant, in seconds" }),
    predictedDurationRange: z
      .object({ min: z.number(), max: z.number() })
      .openapi({ description: "Shortest and longest variant the settings can produce, in seconds" }),
    balance: z.number().int(),
    problems: z.array(problemSchema),
  })
  .openapi("VideoMixerEstimate");

export const outputSchema = z
  .object({
    index: z.number().int(),
    status: z.enum(["queued", "processing", "completed", "failed"]),
    progress: z.number().openapi({ description: "From 0 to 1" }),
    durationSeconds: z.number().nullable(),
    sizeBytes: z.number().int().nullable(),
    error: z.string().nullable(),
  })
  .openapi("VideoMixerOutput");

export const generationSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    status: z.enum(["queued", "processing", "completed", "partial", "failed"]),
    count: z.number().int(),
    cost: z.number().int(),
    pricePerVariant: z.number().int(),
    settings: mixSettingsSchema,
    error: z.string().nullable(),
    createdAt: z.string().openapi({ format: "date-time" }),
    completedAt: z.string().openapi({ format: "date-time" }).nullable(),
    outputs: z.array(outputSchema),
  })
  .openapi("VideoMixerGeneration");

export function pageSchema<Item extends z.ZodType>(item: Item, name: string) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);
}

export type Project = z.infer<typeof projectSchema>;
export type Group = z.infer<typeof groupSchema>;
export type Clip = z.infer<typeof clipSchema>;
export type Generation = z.infer<typeof generationSchema>;

const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      requestId: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi("Error");

const ERROR_DESCRIPTIONS = {
  400: "The request is invalid",
  401: "No valid session",
  402: "Not enough credits",
  404: "Not found, or owned by another user",
  409: "Conflicts with work still running",
  413: "The upload is too large",
  415: "The body has the wrong content type, or the file is not a supported video",
  416: "The range starts past the end of the file",
  429: "Too many requests",
  503: "The renderer is unavailable",
} as const;

/** OpenAPI entries for the error statuses a route can return, all in the one error envelope. */
export function errorResponses<Status extends keyof typeof ERROR_DESCRIPTIONS>(...statuses: Status[]) {
  const entries = statuses.map((status) => [
    status,
    { description: ERROR_DESCRIPTIONS[status], content: { "application/json": { schema: errorSchema } } },
  ]);
  return Object.fromEntries(entries) as Record<
    Status,
    { description: string; content: { "application/json": { schema: typeof errorSchema } } }
  >;
}

export function jsonContent<Schema extends z.ZodType>(schema: Schema, description: string) {
  return { description, content: { "application/json": { schema } } };
}

/** A response of raw bytes, such as a video, an image or a ZIP archive. */
export function binaryContent<MediaType extends string>(mediaType: MediaType, description: string) {
  const content = { [mediaType]: { schema: z.string().openapi({ format: "binary" }) } };
  return { description, content: content as Record<MediaType, { schema: z.ZodString }> };
}

export function jsonRequestBody<Schema extends z.ZodType>(schema: Schema) {
  return { required: true, content: { "application/json": { schema } } };
}
