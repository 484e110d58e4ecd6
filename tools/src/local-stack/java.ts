import { spawnSync } from 'node:child_process';

export class MissingJavaError extends Error {
  constructor(detail: string, options?: ErrorOptions) {
    super(
      `DynamoDB Local needs a Java 17 or newer runtime (${detail}): install one ` +
        '("sudo apt-get install -y openjdk-17-jre-headless" on Debian/Ubuntu, ' +
        '"brew install openjdk@17" on macOS with "$(brew --prefix openjdk@17)/bin" on PATH), ' +
        'or set DYNAMODB_ENDPOINT to a DynamoDB you already run.',
      options,
    );
    this.name = 'MissingJavaError';
  }
}

/** Returns the Java major version, or throws MissingJavaError with what to install. */
export function assertJavaRuntime(javaCommand = 'java'): number {
  const result = spawnSync(javaCommand, ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new MissingJavaError(`"${javaCommand}" was not found on PATH`, { cause: result.error });
  }
  const output = `${result.stderr}${result.stdout}`;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match)
    throw new MissingJavaError(`could not read the version from "${javaCommand} -version"`);
  const major = match[1] === '1' ? Number(match[2]) : Number(match[1]);
  if (major < 17) throw new MissingJavaError(`found Java ${major}`);
  return major;
}
