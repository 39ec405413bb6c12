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
    /** Failed logins since the last success; reaching the limit sets `lockedUntil`. */
    failedLoginCount: integer("failed_login_count").notNull().default(0),
    lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
    passwordChangedAt: integer("password_changed_at", { mode: "timestamp_ms" }),
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
    /** ISO country code and city from Cloudflare's request metadata, when present. */
    country: text("country"),
    city: text("city"),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (table) => [index("sessions_user_idx").on(table.userId, table.createdAt, table.id)],
);

/**
 * Refresh tokens, stored as SHA-256 hashes. One session is one token family: each refresh rotates
 * the token, and presenting a rotated one again revokes the session.
 */
export const refreshTokens = sqliteTable(
  "refresh_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    rotatedAt: integer("rotated_at", { mode: "timestamp_ms" }),
    /** Hash of the token that replaced this one, so a rotation is written only once. */
    replacedBy: text("replaced_by"),
  },
  (table) => [index("refresh_tokens_session_idx").on(table.sessionId)],
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
    container: text("container", { enum: ["mp4", "mov", "webm", "mkv"] }).notNull(),
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
    /** When the stuck-work sweep re-sent the prepare message; it re-sends at most once per generation. */
    requeuedAt: integer("requeued_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    index("video_mixer_generations_project_idx").on(table.projectId, table.createdAt, table.id),
    index("video_mixer_generations_user_idx").on(table.userId, table.createdAt),
    // The stuck-work sweep looks up queued and processing generations by age.
    index("video_mixer_generations_status_idx").on(table.status, table.createdAt),
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

/** AI models each app can use; a user may use a model when their tier includes the model's tier. */
export const aiModels = sqliteTable(
  "ai_models",
  {
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    modelId: text("model_id").notNull(),
    name: text("name").notNull(),
    tier: text("tier", { enum: ["free", "basic", "pro", "enterprise"] }).notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    creditCost: integer("credit_cost").notNull(),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (table) => [uniqueIndex("ai_models_app_model_unique").on(table.appId, table.modelId)],
);

/** Counters that triggers raise whenever a catalog table changes; cache keys include them. */
export const catalogVersions = sqliteTable("catalog_versions", {
  name: text("name").primaryKey(),
  version: integer("version").notNull(),
});

/**
 * One purchase through Duitku. Amount, credits and plan come from the catalogue when the order is
 * created and never change; `fulfilledAt` is set in the same step that marks the order paid, after
 * its credits or plan were applied.
 */
export const paymentOrders = sqliteTable(
  "payment_orders",
  {
    merchantOrderId: text("merchant_order_id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    itemId: text("item_id").notNull(),
    itemKind: text("item_kind", { enum: ["credits", "plan"] }).notNull(),
    itemName: text("item_name").notNull(),
    /** Whole rupiah. */
    amount: integer("amount").notNull(),
    credits: integer("credits"),
    planTier: text("plan_tier", { enum: ["basic", "pro", "enterprise"] }),
    planDays: integer("plan_days"),
    status: text("status", { enum: ["pending", "paid", "failed", "expired"] })
      .notNull()
      .default("pending"),
    paymentMethod: text("payment_method"),
    reference: text("reference"),
    paymentUrl: text("payment_url"),
    resultCode: text("result_code"),
    failureReason: text("failure_reason"),
    settledBy: text("settled_by", { enum: ["callback", "status_check"] }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    /** End of the payment window given to Duitku; reconciliation expires the order after it plus slack. */
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    paidAt: integer("paid_at", { mode: "timestamp_ms" }),
    fulfilledAt: integer("fulfilled_at", { mode: "timestamp_ms" }),
    lastStatusCheckAt: integer("last_status_check_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    index("payment_orders_user_idx").on(table.userId, table.createdAt, table.merchantOrderId),
    index("payment_orders_status_idx").on(table.status, table.createdAt),
    uniqueIndex("payment_orders_reference_unique").on(table.reference),
  ],
);

/**
 * The plan change made by one paid order. The primary key makes applying a plan order happen at
 * most once; `token` tells the settlement that wrote the row apart from a replay.
 */
export const planGrants = sqliteTable("plan_grants", {
  merchantOrderId: text("merchant_order_id")
    .primaryKey()
    .references(() => paymentOrders.merchantOrderId),
  userId: text("user_id").notNull(),
  tier: text("tier", { enum: ["basic", "pro", "enterprise"] }).notNull(),
  previousTier: text("previous_tier", { enum: ["free", "basic", "pro", "enterprise"] }).notNull(),
  previousExpiresAt: integer("previous_expires_at", { mode: "timestamp_ms" }),
  /** Null when the user keeps an operator-granted tier without an end date. */
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
  token: text("token").notNull(),
  createdAt: createdAt(),
});

/** Every change an admin makes, with who made it and why. */
export const adminAudit = sqliteTable(
  "admin_audit",
  {
    id: text("id").primaryKey(),
    adminId: text("admin_id")
      .notNull()
      .references(() => users.id),
    action: text("action", { enum: ["credit_adjustment"] }).notNull(),
    targetUserId: text("target_user_id").references(() => users.id),
    details: text("details", { mode: "json" }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index("admin_audit_target_idx").on(table.targetUserId, table.createdAt),
    index("admin_audit_admin_idx").on(table.adminId, table.createdAt),
  ],
);
