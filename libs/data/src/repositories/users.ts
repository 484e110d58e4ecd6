import { randomUUID } from 'node:crypto';
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
const loginFailuresId = (email: string, windowStart: number) =>
  `#LOGIN_FAILURES#${email.toLowerCase()}#${windowStart}`;

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

  /** Makes sure an account with this email exists with the admin role and this password hash. */
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
    const updated: StoredUser = { ...existing, role: 'admin', passwordHash };
    await this.ctx.entities.UserEntity.build(UpdateItemCommand)
      .item({ userId: existing.userId, role: 'admin', passwordHash })
      .send();
    return updated;
  }

  /** Counts one failed login for the email in the current fixed window; returns the count. */
  async recordLoginFailure(email: string, windowMs: number): Promise<number> {
    const now = this.ctx.now().getTime();
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const { Attributes } = await this.ctx.entities.LoginFailuresEntity.build(UpdateItemCommand)
      .item({
        userId: loginFailuresId(email, windowStart),
        failures: $add(1),
        expiresAt: Math.ceil((windowStart + windowMs) / 1000),
      })
      .options({ returnValues: 'ALL_NEW' })
      .send();
    return Attributes?.failures ?? 1;
  }

  /** Failed logins for the email in the current window, read consistently. */
  async loginFailures(
    email: string,
    windowMs: number,
  ): Promise<{ failures: number; retryAfterSeconds: number }> {
    const now = this.ctx.now().getTime();
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const { Item } = await this.ctx.entities.LoginFailuresEntity.build(GetItemCommand)
      .key({ userId: loginFailuresId(email, windowStart) })
      .options({ consistent: true })
      .send();
    return {
      failures: Item?.failures ?? 0,
      retryAfterSeconds: Math.ceil((windowStart + windowMs - now) / 1000),
    };
  }
}
