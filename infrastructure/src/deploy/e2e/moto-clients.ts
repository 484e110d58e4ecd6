/**
 * The moto 5.2.1 gaps in the AWS APIs the deploy commands call, bridged on the SDK clients the
 * end-to-end test hands to the CLI (`main(argv, ..., { createClients })`). Each bridge is a
 * middleware on one client and names the moto behaviour it covers; every call the commands
 * make still goes to moto, and a bridge only ever answers what moto cannot.
 */
import {
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
  ListStackResourcesCommand,
  UpdateStackCommand,
  type CreateChangeSetCommandInput,
} from '@aws-sdk/client-cloudformation';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { InstanceInformation } from '@aws-sdk/client-ssm';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { createAwsClients, type AwsClients } from '../aws-clients';

type Handler = (args: { input: Record<string, unknown> }) => Promise<{ output: unknown }>;
type Middleware = (next: Handler, context: { commandName?: string }) => Handler;

function use(client: unknown, name: string, middleware: Middleware): void {
  (
    client as {
      middlewareStack: {
        add(m: Middleware, o: { step: 'initialize'; name: string; priority: 'low' }): void;
      };
    }
  ).middlewareStack.add(middleware, { step: 'initialize', name, priority: 'low' });
}

const output = (value: unknown) => ({ output: { $metadata: {}, ...(value as object) } });

/** Every call a bridge answered instead of moto, for the test to assert each bridge was needed. */
export interface BridgeLog {
  readonly bridged: string[];
}

export function bridgedClients(
  log: BridgeLog,
  endpoint: string,
): (region: string | undefined) => AwsClients & {
  destroy(): void;
} {
  return (region) => {
    const clients = createAwsClients(region);
    bridgeChangeSets(clients, log);
    bridgeRouteTableDeletion(clients, log, endpoint, region ?? 'us-east-1');
    bridgeInvalidationStatus(clients);
    bridgeInstanceInformation(clients, log);
    return clients;
  };
}

/**
 * CloudFormation change sets.
 *
 * 1. moto 5.2.1 `ExecuteChangeSet` applies the resources but builds no outputs or exports
 *    (`ChangeSet.apply` never rebuilds the stack's output map nor registers exports), and a
 *    CREATE change set's stack has no access to other stacks' exports (its `Stack` is built
 *    without `cross_stack_resources`), so `Fn::ImportValue` fails. moto's `CreateStack` and
 *    `UpdateStack` do all of that. The bridge records what each `CreateChangeSet` asked for and
 *    executes it through them: CREATE deletes moto's empty REVIEW_IN_PROGRESS stack and creates
 *    the stack from the change set's template, parameters and tags; UPDATE updates it with them.
 *    The change set itself (creation, waiter, description, deletion) is moto's own.
 * 2. moto 5.2.1 `UpdateStack` resolves `UsePreviousValue` only for parameters given explicitly
 *    when the stack was created: one that took its default fails with a KeyError (HTTP 500),
 *    and DescribeStacks reports an SSM-typed parameter by its resolved value, which moto cannot
 *    take back. The bridge leaves such a parameter out, so that it keeps the default it had.
 * 3. moto 5.2.1 `CreateChangeSet` with an unchanged TemplateBody and parameters throws
 *    ValidationError "No updates are to be performed." (responses._validate_different_update),
 *    and with an unchanged template but `UsePreviousValue` parameters computes an executable
 *    empty change set (it compares them with the parameters given at creation, not with the
 *    stack's values). CloudFormation creates the change set and fails it with "The submitted
 *    information didn't contain changes". The bridge resends the thrown request with one
 *    trailing newline (the same template) so that moto creates the change set, and answers
 *    DescribeChangeSet for a change set whose template and parameters equal the deployed ones
 *    with CloudFormation's FAILED status and reason.
 * 4. moto 5.2.1 DescribeStacks reports a CommaDelimitedList parameter given as `a,b` as the
 *    Python list `['a', 'b']` (CloudFormation answers `a,b`); the bridge reads it back as `a,b`
 *    when it compares the deployed parameters with a change set's.
 */
function fromPythonList(value: string | undefined): string | undefined {
  const items = /^\[(.*)\]$/.exec(value ?? '')?.[1];
  if (items === undefined) return value;
  return [...items.matchAll(/'([^']*)'/g)].map((match) => match[1]).join(',');
}
const NO_CHANGES =
  "The submitted information didn't contain changes. Submit different information to create a change set.";

function bridgeChangeSets(clients: AwsClients, log: BridgeLog): void {
  const requests = new Map<string, CreateChangeSetCommandInput>();
  /** Parameters each stack was created with explicitly (moto remembers only those). */
  const explicit = new Map<string, Set<string>>();
  const unchanged = new Set<string>();
  const cloudFormation = clients.cloudFormation;

  const templateOf = async (request: CreateChangeSetCommandInput): Promise<string> => {
    if (request.TemplateBody !== undefined) return request.TemplateBody;
    const url = new URL(String(request.TemplateURL));
    const { Body } = await clients.s3.send(
      new GetObjectCommand({ Bucket: url.hostname.split('.')[0], Key: url.pathname.slice(1) }),
    );
    return (await Body?.transformToString()) ?? '';
  };
  const isUnchanged = async (request: CreateChangeSetCommandInput): Promise<boolean> => {
    const [{ TemplateBody: deployed = '' }, { Stacks = [] }] = await Promise.all([
      cloudFormation.send(new GetTemplateCommand({ StackName: request.StackName })),
      cloudFormation.send(new DescribeStacksCommand({ StackName: request.StackName })),
    ]);
    const values = new Map(
      (Stacks[0]?.Parameters ?? []).map((p) => [p.ParameterKey, fromPythonList(p.ParameterValue)]),
    );
    const sameParameters = (request.Parameters ?? []).every(
      (p) => p.UsePreviousValue || values.get(p.ParameterKey) === p.ParameterValue,
    );
    return sameParameters && isDeepStrictEqual(parse(deployed), parse(await templateOf(request)));
  };

  use(cloudFormation, 'motoBridgeChangeSets', (next, context) => async (args) => {
    const input = args.input;
    if (context.commandName === 'CreateChangeSetCommand') {
      const request = input as unknown as CreateChangeSetCommandInput;
      const name = String(request.ChangeSetName);
      requests.set(name, request);
      let result;
      try {
        result = await next(args);
      } catch (error) {
        if (!/No updates are to be performed/.test((error as Error).message)) throw error;
        result = await next({
          ...args,
          input: { ...input, TemplateBody: `${String(request.TemplateBody)}\n` },
        });
      }
      if (request.ChangeSetType === 'UPDATE' && (await isUnchanged(request))) {
        log.bridged.push(`CreateChangeSet ${request.StackName}: no changes, FAILED`);
        unchanged.add(name);
      }
      return result;
    }
    if (context.commandName === 'DescribeChangeSetCommand') {
      const result = await next(args);
      if (unchanged.has(String(input['ChangeSetName']))) {
        Object.assign(result.output as object, {
          Status: 'FAILED',
          ExecutionStatus: 'UNAVAILABLE',
          StatusReason: NO_CHANGES,
          Changes: [],
        });
      }
      return result;
    }
    if (context.commandName === 'ExecuteChangeSetCommand') {
      const request = requests.get(String(input['ChangeSetName']));
      if (!request) throw new Error(`moto bridge: unknown change set ${input['ChangeSetName']}`);
      const stack = {
        StackName: request.StackName,
        TemplateBody: request.TemplateBody,
        TemplateURL: request.TemplateURL,
        Parameters: request.Parameters,
        Tags: request.Tags,
        Capabilities: request.Capabilities,
      };
      if (request.ChangeSetType === 'CREATE') {
        log.bridged.push(`ExecuteChangeSet ${request.StackName}: CreateStack`);
        explicit.set(
          String(request.StackName),
          new Set((request.Parameters ?? []).map((p) => String(p.ParameterKey))),
        );
        await cloudFormation.send(new DeleteStackCommand({ StackName: request.StackName }));
        await cloudFormation.send(new CreateStackCommand(stack));
      } else {
        log.bridged.push(`ExecuteChangeSet ${request.StackName}: UpdateStack`);
        const known = explicit.get(String(request.StackName)) ?? new Set<string>();
        const parameters = (request.Parameters ?? []).filter(
          (p) => !p.UsePreviousValue || known.has(String(p.ParameterKey)),
        );
        for (const p of parameters)
          if (p.ParameterValue !== undefined) known.add(String(p.ParameterKey));
        await cloudFormation.send(new UpdateStackCommand({ ...stack, Parameters: parameters }));
      }
      return output({});
    }
    return next(args);
  });
}

/**
 * moto 5.2.1 reports a finished invalidation as "COMPLETED"; CloudFront's API answers
 * "Completed" (the SDK waiter `waitForInvalidationCompleted` matches that exact string and
 * would wait until its timeout). The bridge rewrites moto's spelling to CloudFront's.
 */
function bridgeInvalidationStatus(clients: AwsClients): void {
  use(clients.cloudFront, 'motoBridgeInvalidationStatus', (next, context) => async (args) => {
    const result = await next(args);
    if (context.commandName !== 'GetInvalidationCommand') return result;
    const invalidation = (result.output as { Invalidation?: { Status?: string } }).Invalidation;
    if (invalidation?.Status === 'COMPLETED') invalidation.Status = 'Completed';
    return result;
  });
}

/**
 * moto 5.2.1 does not implement SSM `DescribeInstanceInformation` (there is no SSM agent in
 * moto to register an instance). The bridge answers it with the EC2 instances CloudFormation
 * created for the stack the filter names, reported online, as the agent on a booted instance
 * would; SendCommand and GetCommandInvocation then go to moto.
 */
function bridgeInstanceInformation(clients: AwsClients, log: BridgeLog): void {
  use(clients.ssm, 'motoBridgeInstanceInformation', (next, context) => async (args) => {
    if (context.commandName !== 'DescribeInstanceInformationCommand') return next(args);
    const filters = (args.input['Filters'] ?? []) as { Key?: string; Values?: string[] }[];
    const stackName = filters.find((f) => f.Key === 'tag:aws:cloudformation:stack-name')
      ?.Values?.[0];
    if (!stackName)
      throw new Error('moto bridge: DescribeInstanceInformation without stack filter');
    const { StackResourceSummaries = [] } = await clients.cloudFormation.send(
      new ListStackResourcesCommand({ StackName: stackName }),
    );
    const list: InstanceInformation[] = StackResourceSummaries.filter(
      (resource) => resource.ResourceType === 'AWS::EC2::Instance',
    ).map((resource) => ({
      InstanceId: resource.PhysicalResourceId,
      PingStatus: 'Online',
      PlatformType: 'Linux',
    }));
    log.bridged.push(`DescribeInstanceInformation ${stackName}: ${list.length} instance(s)`);
    return output({ InstanceInformationList: list });
  });
}

/** One EC2 Query API call to moto (the workspace has no EC2 SDK client; moto checks no signature). */
async function ec2(endpoint: string, region: string, parameters: Record<string, string>) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/${region}/ec2/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: new URLSearchParams({ Version: '2016-11-15', ...parameters }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`moto bridge: EC2 ${parameters['Action']}: ${text}`);
  return text;
}

/**
 * moto 5.2.1 does not delete an `AWS::EC2::RouteTable` when it deletes a stack (the model has no
 * CloudFormation delete, so the stack forgets it and EC2 keeps it), and then fails the VPC's
 * deletion with DependencyViolation, thrown from DeleteStack after it has dropped the stack but
 * before it removes the stack's exports: a later CreateStack of the same stack fails with
 * "Export names must be unique across a given region". CloudFormation deletes the route tables
 * before the VPC. Right before DeleteStack, the bridge deletes the stack's route tables (their
 * subnet associations first) through moto's EC2 API, which moto's stack deletion would have
 * left; moto's own DeleteStack then deletes the VPC and the exports. (The routes and
 * associations it still lists have no delete in moto: nothing for it to fail on.)
 */
function bridgeRouteTableDeletion(
  clients: AwsClients,
  log: BridgeLog,
  endpoint: string,
  region: string,
): void {
  use(clients.cloudFormation, 'motoBridgeRouteTableDeletion', (next, context) => async (args) => {
    if (context.commandName !== 'DeleteStackCommand') return next(args);
    const stackName = String(args.input['StackName']);
    let resources: { ResourceType?: string; PhysicalResourceId?: string }[] = [];
    try {
      resources =
        (await clients.cloudFormation.send(new ListStackResourcesCommand({ StackName: stackName })))
          .StackResourceSummaries ?? [];
    } catch {
      // Not deployed: DeleteStack answers for itself.
    }
    const routeTables = resources
      .filter((r) => r.ResourceType === 'AWS::EC2::RouteTable')
      .map((r) => String(r.PhysicalResourceId));
    for (const id of routeTables) {
      const described = await ec2(endpoint, region, {
        Action: 'DescribeRouteTables',
        'RouteTableId.1': id,
      });
      for (const [, association] of described.matchAll(
        /<routeTableAssociationId>([^<]+)<\/routeTableAssociationId>/g,
      ))
        await ec2(endpoint, region, {
          Action: 'DisassociateRouteTable',
          AssociationId: String(association),
        });
      await ec2(endpoint, region, { Action: 'DeleteRouteTable', RouteTableId: id });
    }
    if (routeTables.length > 0)
      log.bridged.push(`DeleteStack ${stackName}: ${routeTables.length} route table(s) first`);
    return next(args);
  });
}
