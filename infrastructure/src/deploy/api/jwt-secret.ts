import { randomBytes } from 'node:crypto';
import { GetParameterCommand, PutParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { appParameterName, standardTags, type Environment } from '@mini-ecommerce/stack-model';
import { errorName } from '../errors';

export function jwtSecretName(env: Environment): string {
  return appParameterName(env, 'jwtSecret');
}

/**
 * Creates the JWT signing secret once and never touches it again: rotating it would sign every
 * shopper out, so that is a deliberate act, not a side effect of a deploy. Returns whether it
 * was created now. The value never leaves AWS: the instance reads it itself at start.
 */
export async function ensureJwtSecret(
  ssm: SSMClient,
  env: Environment,
): Promise<'created' | 'exists'> {
  const name = jwtSecretName(env);
  try {
    await ssm.send(new GetParameterCommand({ Name: name }));
    return 'exists';
  } catch (error) {
    if (errorName(error) !== 'ParameterNotFound') throw error;
  }
  try {
    await ssm.send(
      new PutParameterCommand({
        Name: name,
        Type: 'SecureString',
        Value: randomBytes(48).toString('base64url'),
        Overwrite: false,
        Description:
          'JWT signing secret of the mini-ecommerce API (created by api-deploy; never overwritten)',
        Tags: standardTags(env),
      }),
    );
    return 'created';
  } catch (error) {
    // Another deploy created it between our read and write: theirs stands.
    if (errorName(error) === 'ParameterAlreadyExists') return 'exists';
    throw error;
  }
}
