/** What an operator must look at before approving: wider access, or data that can be lost. */
export interface Finding {
  readonly kind: 'ingress' | 'iam' | 'public-access' | 'data-loss';
  /** The property the finding is about (`SecurityGroupIngress[1]`); empty for the whole resource. */
  readonly path: string;
  /** Short mark shown beside the change: `widens ingress`. */
  readonly label: string;
  /** What exactly: `tcp 22 from 0.0.0.0/0`. */
  readonly detail: string;
}

/** One resource of a change set, with its properties before and after where they are known. */
export interface ResourceSnapshot {
  readonly action: string;
  readonly resourceType: string;
  readonly replacement: string | undefined;
  readonly stateful: boolean;
  /** undefined for an added resource, or when nothing tells what it was. */
  readonly before: Record<string, unknown> | undefined;
  readonly after: Record<string, unknown> | undefined;
  /** The template retains it (DeletionPolicy Retain): replaced or removed, its data stays. */
  readonly retained?: boolean;
}
