import { z } from "@hono/zod-openapi";
import { displayText } from "../core/text";
import { TIERS } from "../models/tiers";

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: "Enter a valid email address" }))
  .transform((email) => email.toLowerCase());

// Length is counted in Unicode code points, and the whole password is hashed: nothing is cut off.
// Strength (zxcvbn) is checked by the handler, which has the user's email and name.
export const passwordSchema = z
  .string()
  .refine((value) => [...value].length >= 12, "Password must be at least 12 characters")
  .refine((value) => [...value].length <= 128, "Password must be at most 128 characters");

const nameSchema = displayText({ max: 100, required: "Enter your name" });

export const registerSchema = z
  .object({
    email: emailSchema,
    password: passwordSchema,
    name: nameSchema,
  })
  .openapi("RegisterRequest");

export const loginSchema = z
  .object({
    email: emailSchema,
    // Any length is accepted here, so a login reveals nothing about the password rules.
    password: z.string().min(1, "Enter your password").max(1024),
  })
  .openapi("LoginRequest");

export const profileSchema = z.object({ name: nameSchema }).openapi("UpdateProfileRequest");

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(1024),
    newPassword: passwordSchema,
  })
  .openapi("ChangePasswordRequest");

export const sessionParamsSchema = z.object({
  sessionId: z.uuid({ error: "Session ids are UUIDs" }).openapi({ param: { name: "sessionId", in: "path" } }),
});

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(["user", "admin"]),
    tier: z.enum(TIERS),
  })
  .openapi("User");

export const meSchema = userSchema.extend({ balance: z.number().int() }).openapi("CurrentUser");

export const sessionSchema = z
  .object({
    id: z.string(),
    browser: z.string().nullable().openapi({ example: "Chrome 126" }),
    os: z.string().nullable().openapi({ example: "Android 14" }),
    deviceType: z.string().nullable().openapi({ description: "mobile, tablet, … or null for a desktop" }),
    place: z
      .object({ country: z.string().nullable(), city: z.string().nullable() })
      .nullable()
      .openapi({ description: "Where the session was last refreshed from, when Cloudflare reported it" }),
    createdAt: z.string().openapi({ format: "date-time" }),
    lastSeenAt: z.string().openapi({ format: "date-time" }),
    current: z.boolean(),
  })
  .openapi("Session");

export const revokedCountSchema = z.object({ revoked: z.number().int() }).openapi("RevokedSessions");
