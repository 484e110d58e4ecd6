import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from './rules/limits';
import { ROLES } from './rules/orders';
import { Id, Timestamp } from './common';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Emails are compared and stored in lower case. */
export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((email) => email.toLowerCase());

/** A lone surrogate would be folded into U+FFFD before hashing, so different passwords would match. */
const wellFormed = (value: string) => !/\p{Surrogate}/u.test(value);
const WELL_FORMED_MESSAGE = 'must be well-formed Unicode';
export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH)
  .max(200)
  .refine(wellFormed, WELL_FORMED_MESSAGE);
export const UserName = z.string().trim().min(1).max(100);

/** The public shape of an account: what the API returns. */
export const User = z.object({
  userId: Id,
  email: z.string(),
  name: UserName,
  role: Role,
  createdAt: Timestamp,
});
export type User = z.infer<typeof User>;

/** The stored shape; the password hash stays on the server and never reaches `User`. */
export interface StoredUser extends User {
  passwordHash: string;
  /** Raised by a password or role change; a token that carries an older version is refused. */
  tokenVersion?: number;
}

export function toPublicUser(user: StoredUser): User {
  return {
    userId: user.userId,
    email: user.email,
    name: user.name,
    role: user.role,
    createdAt: user.createdAt,
  };
}

/** Unknown fields (a `role`, say) are dropped: a customer cannot make themselves admin. */
export const RegisterBody = z.object({ email: Email, password: Password, name: UserName });
export type RegisterBody = z.infer<typeof RegisterBody>;

export const LoginBody = z.object({
  email: Email,
  password: z.string().min(1).max(200).refine(wellFormed, WELL_FORMED_MESSAGE),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const AuthResponse = z.object({ user: User, token: z.string() });
export type AuthResponse = z.infer<typeof AuthResponse>;
