#!/bin/bash
# runuser -u USER -- COMMAND...: runs COMMAND with DRY_RUN_USER=USER (recorded by the stubs it
# calls); an unknown user fails, as runuser does.
set -euo pipefail
# shellcheck source=prelude.sh
. "$DRY_RUN_STATE/prelude.sh"
if [ "${1-}" != -u ] || [ "${3-}" != -- ]; then stub_unsupported "runuser $*"; fi
user="$2"
if [ ! -e "$DRY_RUN_STATE/users/$user" ]; then
  echo "runuser: user $user does not exist or the user entry does not contain all the required fields" >&2
  exit 1
fi
shift 3
DRY_RUN_USER="$user" exec "$@"
