import { randomBytes } from 'node:crypto';
import {
  DescribeParametersCommand,
  GetParameterCommand,
  PutParameterCommand,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { appParameterName, standardTags, type Environment } from '@mini-ecommerce/stack-model';
import { errorName } from '../errors';

export function jwtSecretName(env: Environment): string {
  return appParameterName(env, 'jwtSecret');
}

const DESCRIPTION =
  'JWT signing secret of the mini-ecommerce API (created by api:deploy, rotated by api:rotate-secret)';

/** A new signing secret: 384 random bits. */
export function newJwtSecret(): string {
  return randomBytes(48).toString('base64url');
}

/**
 * Creates the JWT signing secret once, encrypted with the ec2 stack's JwtSecretKey (`keyArn`),
 * and otherwise leaves its value alone: rotating it signs every shopper out, so that is
 * `api:rotate-secret`, not a side effect of a deploy. A secret an earlier deploy created under
 * the AWS-managed aws/ssm key (readable by anyone allowed ssm:GetParameter) is re-encrypted under
 * the key with the same value, so nobody is signed out. The value never leaves AWS but for that
 * one re-encryption: the instance reads it itself.
 */
export async function ensureJwtSecret(
  ssm: SSMClient,
  env: Environment,
  keyArn: string,
): Promise<'created' | 'exists' | 're-encrypted'> {
  const name = jwtSecretName(env);
  const { Parameters = [] } = await ssm.send(
    new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Values: [name] }] }),
  );
  const existing = Parameters.find((parameter) => parameter.Name === name);
  if (existing) {
    if (isKey(existing.KeyId, keyArn)) return 'exists';
    const { Parameter } = await ssm.send(
      new GetParameterCommand({ Name: name, WithDecryption: true }),
    );
    await putSecret(ssm, env, keyArn, Parameter?.Value ?? newJwtSecret(), true);
    return 're-encrypted';
  }
  try {
    await putSecret(ssm, env, keyArn, newJwtSecret(), false);
    return 'created';
  } catch (error) {
    // Another deploy created it between our read and write: theirs stands.
    if (errorName(error) === 'ParameterAlreadyExists') return 'exists';
    throw error;
  }
}

/** A new random value under the key; the instances pick it up when the API is rolled. */
export async function rotateJwtSecret(
  ssm: SSMClient,
  env: Environment,
  keyArn: string,
): Promise<void> {
  await putSecret(ssm, env, keyArn, newJwtSecret(), true);
}

async function putSecret(
  ssm: SSMClient,
  env: Environment,
  keyArn: string,
  value: string,
  overwrite: boolean,
): Promise<void> {
  await ssm.send(
    new PutParameterCommand({
      Name: jwtSecretName(env),
      Type: 'SecureString',
      KeyId: keyArn,
      Value: value,
      Overwrite: overwrite,
      Description: DESCRIPTION,
      // SSM refuses tags on an overwrite; the parameter keeps the ones it was created with.
      ...(overwrite ? {} : { Tags: standardTags(env) }),
    }),
  );
}

/** SSM reports the key as given (ARN), or as its id or alias depending on how it was set. */
function isKey(keyId: string | undefined, keyArn: string): boolean {
  if (!keyId) return false;
  return keyId === keyArn || keyArn.endsWith(`:key/${keyId}`) || keyId.endsWith(`/${keyArn}`);
}
