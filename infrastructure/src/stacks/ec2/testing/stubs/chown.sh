#!/bin/bash
# chown: fails for an unknown user or group, as chown does; changes nothing. A user made by
# useradd has a group of the same name.
set -euo pipefail
# shellcheck source=prelude.sh
. "$DRY_RUN_STATE/prelude.sh"
owner=""
for arg in "$@"; do
  case "$arg" in -*) ;; *) owner="$arg"; break ;; esac
done
user="${owner%%[:.]*}"
group=""
case "$owner" in *:*) group="${owner#*:}" ;; esac
for name in "$user" "$group"; do
  if [ -n "$name" ] && [ "$name" != root ] && [ ! -e "$DRY_RUN_STATE/users/$name" ]; then
    echo "chown: invalid user: '$owner'" >&2
    exit 1
  fi
done
