import type { Expr, Intrinsic } from './intrinsics';

/**
 * Value shapes the generated resource types are built from. Every position may hold an
 * intrinsic instead of a literal, because CloudFormation resolves those anywhere.
 */
export type Str = Expr;
export type Num = number | Intrinsic;
export type Bool = boolean | Intrinsic;
/** A nested property object, or an intrinsic (typically `Fn::If`) producing one. */
export type Obj<T> = T | Intrinsic;
export type List<T> = readonly T[] | Intrinsic;
export type StrMap<T> = Readonly<Record<string, T>> | Intrinsic;
/** Free-form JSON (policy documents, dashboard bodies): intrinsics may appear at any depth. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | Intrinsic
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue | undefined };
export type Json = JsonValue;

export interface CfnTag {
  readonly Key: Str;
  readonly Value: Str;
}
