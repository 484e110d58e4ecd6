import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './args';
import { terminalConfirm } from './prompt';

describe('command line', () => {
  it('parses the options the Nx targets forward', () => {
    expect(
      parseCliArgs([
        'deploy',
        '--env=prod',
        '--stack',
        'ec2,main',
        '--parameters',
        'AlertEmail=a@b.c',
        '--parameters',
        'X=1=2',
        '-y',
        '--region',
        'eu-west-1',
      ]),
    ).toMatchObject({
      command: 'deploy',
      env: 'prod',
      stacks: ['main', 'ec2'], // dependency order, whatever order was typed
      parameters: { AlertEmail: 'a@b.c', X: '1=2' },
      yes: true,
      region: 'eu-west-1',
      dryRun: false,
    });
  });

  it('rejects what it does not know, naming the valid choices', () => {
    expect(() => parseCliArgs(['deploy'])).toThrow('--env is required');
    expect(() => parseCliArgs(['deploy', '--env', 'qa'])).toThrow(
      'Unknown environment "qa": expected one of local, dev, staging, prod.',
    );
    expect(() => parseCliArgs(['deploy', '--env', 'dev', '--stack', 'db'])).toThrow(
      'Unknown stack "db"',
    );
    expect(() => parseCliArgs(['ship', '--env', 'dev'])).toThrow('Unknown command "ship"');
    expect(() => parseCliArgs(['deploy', '--env', 'dev', '--parameters', 'novalue'])).toThrow(
      '--parameters expects Key=Value',
    );
    expect(() => parseCliArgs(['deploy', '--env', 'dev', '--yolo'])).toThrow(
      /Unknown option '--yolo'/,
    );
  });

  it('refuses to wait for an answer when there is no terminal', async () => {
    const confirm = terminalConfirm({ isTTY: false } as NodeJS.ReadStream);
    await expect(confirm('Execute this change set on x?')).rejects.toThrow(
      'There is no terminal to ask on: re-run with --yes',
    );
  });
});
