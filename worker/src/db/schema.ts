import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ["user", "admin"] })
      .notNull()
      .default("user"),
    tier: text("tier", { enum: ["free", "basic", "pro", "enterprise"] })
      .notNull()
      .default("free"),
    tierExpiresAt: integer("tier_expires_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (table) => [uniqueIndex("users_email_unique").on(table.email)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    userAgent: text("user_agent"),
    ipAddress: text("ip_address"),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (table) => [index("sessions_user_idx").on(table.userId, table.createdAt)],
);

/** Copy of each CreditAccount ledger entry, for reporting and history pages. */
export const creditLedger = sqliteTable(
  "credit_ledger",
  {
    userId: text("user_id").notNull(),
    seq: integer("seq").notNull(),
    amount: integer("amount").notNull(),
    balanceAfter: integer("balance_after").notNull(),
    kind: text("kind").notNull(),
    reference: text("reference"),
    idempotencyKey: text("idempotency_key").notNull(),
    description: text("description"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.seq] }),
    uniqueIndex("credit_ledger_key_unique").on(table.userId, table.idempotencyKey),
  ],
);

export const videoMixerProjects = sqliteTable(
  "video_mixer_projects",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (table) => [index("video_mixer_projects_user_idx").on(table.userId, table.createdAt, table.id)],
);

export const videoMixerGroups = sqliteTable(
  "video_mixer_groups",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => videoMixerProjects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("video_mixer_groups_project_idx").on(table.projectId, table.position)],
);

export const videoMixerClips = sqliteTable(
  "video_mixer_clips",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => videoMixerProjects.id, { onDelete: "cascade" }),
    groupId: text("group_id").references(() => videoMixerGroups.id, { onDelete: "set null" }),
    position: integer("position").notNull(),
    fileName: text("file_name").notNull(),
    objectKey: text("object_key").notNull(),
    container: text("container", { enum: ["mp4", "webm", "mkv"] }).notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    durationSeconds: real("duration_seconds").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    rotation: integer("rotation").notNull().default(0),
    fps: real("fps").notNull(),
    videoCodec: text("video_codec").notNull(),
    audioCodec: text("audio_codec"),
    hasAudio: integer("has_audio", { mode: "boolean" }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index("video_mixer_clips_project_idx").on(table.projectId, table.position),
    index("video_mixer_clips_group_idx").on(table.groupId),
  ],
);

export const videoMixerGenerations = sqliteTable(
  "video_mixer_generations",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => videoMixerProjects.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    status: text("status", { enum: ["queued", "processing", "completed", "partial", "failed"] })
      .notNull()
      .default("queued"),
    count: integer("count").notNull(),
    pricePerVariant: integer("price_per_variant").notNull(),
    cost: integer("cost").notNull(),
    settings: text("settings", { mode: "json" }).notNull(),
    error: text("error"),
    createdAt: createdAt(),
    completedAt: integer("completed_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    index("video_mixer_generations_project_idx").on(table.projectId, table.createdAt, table.id),
    index("video_mixer_generations_user_idx").on(table.userId, table.createdAt),
  ],
);

export const videoMixerOutputs = sqliteTable(
  "video_mixer_outputs",
  {
    generationId: text("generation_id")
      .notNull()
      .references(() => videoMixerGenerations.id, { onDelete: "cascade" }),
    index: integer("idx").notNull(),
    status: text("status", { enum: ["queued", "processing", "completed", "failed"] })
      .notNull()
      .default("queued"),
    progress: real("progress").notNull().default(0),
    plan: text("plan", { mode: "json" }).notNull(),
    durationSeconds: real("duration_seconds"),
    objectKey: text("object_key"),
    thumbnailKey: text("thumbnail_key"),
    sizeBytes: integer("size_bytes"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (table) => [primaryKey({ columns: [table.generationId, table.index] })],
);

/** Messages that exhausted their retries on `render-jobs`, kept for inspection and replay. */
export const deadLetters = sqliteTable(
  "dead_letters",
  {
    id: text("id").primaryKey(),
    queue: text("queue").notNull(),
    messageId: text("message_id").notNull(),
    body: text("body", { mode: "json" }).notNull(),
    attempts: integer("attempts").notNull(),
    receivedAt: createdAt(),
  },
  (table) => [uniqueIndex("dead_letters_message_unique").on(table.queue, table.messageId)],
);
