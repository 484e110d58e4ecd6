#!/bin/bash
# node: `--version` answers as Node.js 22; anything else runs the test machine's node.
set -euo pipefail
# shellcheck source=prelude.sh
. "$DRY_RUN_STATE/prelude.sh"
if [ "${1-}" = --version ] || [ "${1-}" = -v ]; then
  echo "$DRY_RUN_NODE_VERSION"
  exit 0
fi
exec "$DRY_RUN_NODE" "$@"
