/** Where to go after signing in: only paths on this site, so a crafted link cannot send the shopper elsewhere. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/sign-in') || next.startsWith('/register')) return '/';
  return next;
}
