#!/bin/bash
# install: the real coreutils install without -o/-g (the dry run is not root of anything), after
# checking that the owner and group exist, as install does.
set -euo pipefail
# shellcheck source=prelude.sh
. "$DRY_RUN_STATE/prelude.sh"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    -o | -g)
      name="$2"
      if [ "$name" != root ] && [ ! -e "$DRY_RUN_STATE/users/$name" ]; then
        if [ "$1" = -o ]; then echo "install: invalid user '$name'" >&2; else echo "install: invalid group '$name'" >&2; fi
        exit 1
      fi
      shift 2
      ;;
    --owner=* | --group=*) shift ;;
    *)
      args+=("$1")
      shift
      ;;
  esac
done
exec "$DRY_RUN_TOOLS/install" "${args[@]}"
