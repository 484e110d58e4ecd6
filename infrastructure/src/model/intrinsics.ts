/**
 * CloudFormation intrinsic functions as plain objects, so a template is plain data that the
 * YAML writer, cfn-lint and cfn-guard all read the same way. The helpers are typed so a wrong
 * arity or a GetAtt on an attribute the resource type does not have fails to compile.
 */

export interface RefFn {
  readonly Ref: string;
}
export interface GetAttFn {
  readonly 'Fn::GetAtt': readonly [string, string];
}
export interface SubFn {
  readonly 'Fn::Sub': string | readonly [string, Readonly<Record<string, Expr>>];
}
export interface JoinFn {
  readonly 'Fn::Join': readonly [string, readonly Expr[] | Intrinsic];
}
export interface ImportValueFn {
  readonly 'Fn::ImportValue': Expr;
}
export interface IfFn {
  readonly 'Fn::If': readonly [string, unknown, unknown];
}
export interface SelectFn {
  readonly 'Fn::Select': readonly [number | string, readonly Expr[] | Intrinsic];
}
export interface SplitFn {
  readonly 'Fn::Split': readonly [string, Expr];
}
export interface CidrFn {
  readonly 'Fn::Cidr': readonly [Expr, number | Expr, number | Expr];
}
export interface GetAZsFn {
  readonly 'Fn::GetAZs': Expr;
}
export interface Base64Fn {
  readonly 'Fn::Base64': Expr;
}
export interface FindInMapFn {
  readonly 'Fn::FindInMap': readonly [string, Expr, Expr];
}
export interface EqualsFn {
  readonly 'Fn::Equals': readonly [Expr, Expr];
}
export interface NotFn {
  readonly 'Fn::Not': readonly [Condition];
}
export interface AndFn {
  readonly 'Fn::And': readonly Condition[];
}
export interface OrFn {
  readonly 'Fn::Or': readonly Condition[];
}
/** A reference to a named condition, valid inside And/Or/Not. */
export interface ConditionRef {
  readonly Condition: string;
}

export type Intrinsic =
  | RefFn
  | GetAttFn
  | SubFn
  | JoinFn
  | ImportValueFn
  | IfFn
  | SelectFn
  | SplitFn
  | CidrFn
  | GetAZsFn
  | Base64Fn
  | FindInMapFn;

/** Something that evaluates to a string-like value at deploy time. */
export type Expr = string | Intrinsic;

/** Condition expressions: only these may appear under `Conditions`. */
export type Condition = EqualsFn | NotFn | AndFn | OrFn | ConditionRef;

export const ref = (logicalId: string): RefFn => ({ Ref: logicalId });
export const getAtt = (logicalId: string, attribute: string): GetAttFn => ({
  'Fn::GetAtt': [logicalId, attribute],
});
export function sub(template: string, variables?: Readonly<Record<string, Expr>>): SubFn {
  return variables ? { 'Fn::Sub': [template, variables] } : { 'Fn::Sub': template };
}
export const join = (delimiter: string, values: readonly Expr[] | Intrinsic): JoinFn => ({
  'Fn::Join': [delimiter, values],
});
export const importValue = (exportName: Expr): ImportValueFn => ({ 'Fn::ImportValue': exportName });
/** `Fn::If`; the branches keep their own type so the result fits where either branch fits. */
export const fnIf = <A, B>(condition: string, whenTrue: A, whenFalse: B): A | B =>
  ({ 'Fn::If': [condition, whenTrue, whenFalse] }) as unknown as A | B;
export const select = (index: number, values: readonly Expr[] | Intrinsic): SelectFn => ({
  'Fn::Select': [index, values],
});
export const split = (delimiter: string, value: Expr): SplitFn => ({
  'Fn::Split': [delimiter, value],
});
export const cidr = (ipBlock: Expr, count: number, cidrBits: number): CidrFn => ({
  'Fn::Cidr': [ipBlock, count, cidrBits],
});
export const getAZs = (region: Expr = ''): GetAZsFn => ({ 'Fn::GetAZs': region });
export const base64 = (value: Expr): Base64Fn => ({ 'Fn::Base64': value });
export const findInMap = (map: string, topKey: Expr, secondKey: Expr): FindInMapFn => ({
  'Fn::FindInMap': [map, topKey, secondKey],
});
export const equals = (a: Expr, b: Expr): EqualsFn => ({ 'Fn::Equals': [a, b] });
export const not = (condition: Condition): NotFn => ({ 'Fn::Not': [condition] });
export const and = (...conditions: Condition[]): AndFn => ({ 'Fn::And': conditions });
export const or = (...conditions: Condition[]): OrFn => ({ 'Fn::Or': conditions });
export const conditionRef = (name: string): ConditionRef => ({ Condition: name });

export const AWS_NO_VALUE = ref('AWS::NoValue');
export const AWS_REGION = ref('AWS::Region');
export const AWS_ACCOUNT_ID = ref('AWS::AccountId');
export const AWS_STACK_NAME = ref('AWS::StackName');
export const AWS_PARTITION = ref('AWS::Partition');
export const AWS_URL_SUFFIX = ref('AWS::URLSuffix');

const INTRINSIC_KEYS = new Set(['Ref', 'Condition']);
/** True for `{ Ref }`, `{ Fn::* }` and `{ Condition }` objects: a value CloudFormation resolves. */
export function isIntrinsic(value: unknown): value is Intrinsic {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 1 && (INTRINSIC_KEYS.has(keys[0] ?? '') || (keys[0] ?? '').startsWith('Fn::'))
  );
}

/**
 * Logical AND written as `Not(Or(Not a, Not b, ...))`. Equivalent to `Fn::And`, which the npm
 * cfn-lint cannot evaluate (it has no implementation for it and crashes on nested use).
 */
export const allOf = (...conditions: Condition[]): NotFn =>
  not(or(...conditions.map((c) => not(c))));
