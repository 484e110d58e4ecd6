#!/bin/bash
# npm: `npm install -g NAME[@VERSION]...` copies the fake package's files into the sandbox root;
# a package the fake registry does not have fails with a 404. Other commands are only recorded.
set -euo pipefail
# shellcheck source=prelude.sh
. "$DRY_RUN_STATE/prelude.sh"
case "${1-}" in install | i) ;; *) exit 0 ;; esac
global=false
specs=()
for arg in "${@:2}"; do
  case "$arg" in
    -g | --global) global=true ;;
    -*) ;;
    *) specs+=("$arg") ;;
  esac
done
"$global" || stub_unsupported "a local install: npm $*"
for spec in "${specs[@]}"; do
  name="$spec"
  if [[ "$spec" == ?*@* ]]; then name="${spec%@*}"; fi
  if [ ! -d "$DRY_RUN_STATE/npm/$name" ]; then
    echo "npm error 404 Not Found - GET https://registry.npmjs.org/$name" >&2
    exit 1
  fi
  cp -a "$DRY_RUN_STATE/npm/$name/." "$DRY_RUN_ROOT/"
  echo "added 1 package: $spec"
done
