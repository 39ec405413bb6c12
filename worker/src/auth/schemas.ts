import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: "Enter a valid email address" }))
  .transform((email) => email.toLowerCase());

// Length is counted in Unicode code points, and the whole password is hashed: nothing is cut off.
export const passwordSchema = z
  .string()
  .refine((value) => [...value].length >= 12, "Password must be at least 12 characters")
  .refine((value) => [...value].length <= 128, "Password must be at most 128 characters");

export const registerSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1, "Enter your name").max(100),
});

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(1024),
});
