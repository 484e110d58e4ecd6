#!/bin/bash
# id: `id -u [USER]`; users exist once useradd made them (root always does).
set -euo pipefail
# shellcheck source=prelude.sh
. "$DRY_RUN_STATE/prelude.sh"
[ "${1-}" = -u ] || stub_unsupported "id $*"
user="${2:-${DRY_RUN_USER:-root}}"
if [ "$user" = root ]; then echo 0; exit 0; fi
if [ -e "$DRY_RUN_STATE/users/$user" ]; then echo 1001; exit 0; fi
echo "id: '$user': no such user" >&2
exit 1
