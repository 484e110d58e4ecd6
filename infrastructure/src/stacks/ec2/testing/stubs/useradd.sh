#!/bin/bash
# useradd: records the user (the last argument) so that id, chown and runuser know it.
set -euo pipefail
# shellcheck source=prelude.sh
. "$DRY_RUN_STATE/prelude.sh"
user="${*: -1}"
if [ -e "$DRY_RUN_STATE/users/$user" ]; then
  echo "useradd: user '$user' already exists" >&2
  exit 9
fi
mkdir -p "$DRY_RUN_STATE/users"
touch "$DRY_RUN_STATE/users/$user"
