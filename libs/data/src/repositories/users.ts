import { randomUUID } from 'node:crypto';
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { execute as executeTransactWrite } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { DomainError, type Role, type StoredUser } from '@mini-ecommerce/domain';
import { INDEX_NAMES } from '@mini-ecommerce/stack-model';
import type { DataContext } from '../context';
import { cancellationCodes } from '../transactions';

const emailClaimId = (email: string) => `#EMAIL#${email.toLowerCase()}`;
/** Attempts for an email in a window: from one client when `client` is given, else from all. */
const loginAttemptsId = (email: string, windowStart: number, client?: string) =>
  `#LOGIN_ATTEMPTS#${email.toLowerCase()}#${windowStart}${client === undefined ? '' : `#${client}`}`;

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
}

export class UserRepository {
  constructor(private readonly ctx: DataContext) {}

  async getById(userId: string): Promise<StoredUser | undefined> {
    if (userId.startsWith('#')) return undefined;
    const { Item } = await this.ctx.entities.UserEntity.build(GetItemCommand)
      .key({ userId })
      .send();
    return Item;
  }

  /**
   * Access pattern: a user by email through EmailIndex. The index is eventually consistent, so a
   * miss falls back to the strongly consistent email claim (a login right after registering works).
   */
  async getByEmail(email: string): Promise<StoredUser | undefined> {
    const normalised = email.toLowerCase();
    const { Items } = await this.ctx.tables.users
      .build(QueryCommand)
      .entities(this.ctx.entities.UserEntity)
      .query({ index: INDEX_NAMES.email, partition: normalised })
      .options({ limit: 1 })
      .send();
    if (Items?.[0]) return Items[0];
    const { Item: claim } = await this.ctx.entities.EmailClaimEntity.build(GetItemCommand)
      .key({ userId: emailClaimId(normalised) })
      .options({ consistent: true })
      .send();
    return claim ? this.getById(claim.ownerId) : undefined;
  }

  /** Creates the user and claims the email in one transaction: a second registration with the same email is a CONFLICT, even when both race. */
  async create(input: NewUser): Promise<StoredUser> {
    const user: StoredUser = {
      userId: randomUUID(),
      email: input.email.toLowerCase(),
      name: input.name,
      role: input.role,
      passwordHash: input.passwordHash,
      createdAt: this.ctx.now().toISOString(),
    };
    const { UserEntity, EmailClaimEntity } = this.ctx.entities;
    try {
      await executeTransactWrite(
        EmailClaimEntity.build(PutTransaction)
          .item({ userId: emailClaimId(user.email), ownerId: user.userId })
          .options({ condition: { attr: 'userId', exists: false } }),
        UserEntity.build(PutTransaction)
          .item(user)
          .options({ condition: { attr: 'userId', exists: false } }),
      );
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.includes('ConditionalCheckFailed') || codes?.includes('TransactionConflict')) {
        throw new DomainError('CONFLICT', 'An account with this email already exists');
      }
      throw error;
    }
    return user;
  }

  /**
   * Makes sure an admin account with this email exists. Creates it when the email is free; an
   * existing admin is returned unchanged. An existing account that is not an admin is never
   * promoted (whoever registered the email first would otherwise become admin): CONFLICT.
   */
  async ensureAdmin(email: string, name: string, passwordHash: string): Promise<StoredUser> {
    const existing = await this.getByEmail(email);
    if (!existing) {
      try {
        return await this.create({ email, name, passwordHash, role: 'admin' });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const raced = await this.getByEmail(email);
        if (!raced) throw error;
        return this.ensureAdmin(email, name, passwordHash);
      }
    }
    if (existing.role !== 'admin') {
      throw new DomainError(
        'CONFLICT',
        `${existing.email} belongs to a customer account that startup did not create; it is not made admin`,
      );
    }
    return existing;
  }

  /**
   * Stores a new password hash. A changed password raises the token version, so every token
   * issued before it is refused; a rehash of the same password (stronger parameters) does not.
   */
  async setPassword(
    userId: string,
    passwordHash: string,
    options: { revokeTokens: boolean } = { revokeTokens: true },
  ): Promise<void> {
    await this.ctx.entities.UserEntity.build(UpdateItemCommand)
      .item({
        userId,
        passwordHash,
        ...(options.revokeTokens ? { tokenVersion: $add(1) } : {}),
      })
      .options({ condition: { attr: 'userId', exists: true } })
      .send();
  }

  /** Changes the role and raises the token version: tokens issued under the old role are refused. */
  async setRole(userId: string, role: Role): Promise<void> {
    await this.ctx.entities.UserEntity.build(UpdateItemCommand)
      .item({ userId, role, tokenVersion: $add(1) })
      .options({ condition: { attr: 'userId', exists: true } })
      .send();
  }

  /**
   * Takes one sign-in attempt for the email from this client in the current fixed window, before
   * any password is checked: one conditional UpdateItem adds 1 only while the count is under
   * `limit`, so however many attempts race, at most `limit` get through. An attempt that gets
   * through is also counted against the email from every client (`emailAttempts`), which the
   * caller uses to slow sign-ins down without locking the owner out.
   */
  async takeLoginAttempt(
    email: string,
    client: string,
    { limit, windowMs }: { limit: number; windowMs: number },
  ): Promise<{ allowed: boolean; retryAfterSeconds: number; emailAttempts: number }> {
    const now = this.ctx.now().getTime();
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const expiresAt = Math.ceil((windowStart + windowMs) / 1000);
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
    const { LoginFailuresEntity } = this.ctx.entities;
    try {
      await LoginFailuresEntity.build(UpdateItemCommand)
        .item({
          userId: loginAttemptsId(email, windowStart, client),
          failures: $add(1),
          expiresAt,
        })
        .options({
          condition: {
            or: [
              { attr: 'failures', exists: false },
              { attr: 'failures', lt: limit },
            ],
          },
        })
        .send();
    } catch (error) {
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') {
        return { allowed: false, retryAfterSeconds, emailAttempts: 0 };
      }
      throw error;
    }
    const { Attributes } = await LoginFailuresEntity.build(UpdateItemCommand)
      .item({ userId: loginAttemptsId(email, windowStart), failures: $add(1), expiresAt })
      .options({ returnValues: 'ALL_NEW' })
      .send();
    return { allowed: true, retryAfterSeconds, emailAttempts: Attributes?.failures ?? 1 };
  }

  /** A successful sign-in clears the email's attempts (from this client and from all). */
  async clearLoginAttempts(email: string, client: string, windowMs: number): Promise<void> {
    const windowStart = Math.floor(this.ctx.now().getTime() / windowMs) * windowMs;
    const { LoginFailuresEntity } = this.ctx.entities;
    await Promise.all(
      [loginAttemptsId(email, windowStart, client), loginAttemptsId(email, windowStart)].map(
        (userId) => LoginFailuresEntity.build(DeleteItemCommand).key({ userId }).send(),
      ),
    );
  }
}
