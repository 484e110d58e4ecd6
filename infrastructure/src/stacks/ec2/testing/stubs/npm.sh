#!/bin/bash
# npm: `npm ci` in a directory with package.json and package-lock.json puts the fake package of
# each root dependency into it (node_modules/.bin/...); a package the fake registry does not have
# fails with a 404, a missing lock as npm ci does. `npm install -g NAME[@VERSION]` copies the fake
# package's files into the sandbox root. Other commands are only recorded.
set -euo pipefail
# shellcheck source=prelude.sh
. "$DRY_RUN_STATE/prelude.sh"
fetch() {
  if [ ! -d "$DRY_RUN_STATE/npm/$1" ]; then
    echo "npm error 404 Not Found - GET https://registry.npmjs.org/$1" >&2
    exit 1
  fi
}
case "${1-}" in
  ci)
    if [ ! -f package-lock.json ] || [ ! -f package.json ]; then
      echo 'npm error The npm ci command can only install with an existing package-lock.json' >&2
      exit 1
    fi
    mapfile -t names < <("$DRY_RUN_NODE" -e 'console.log(Object.keys(require(process.cwd() + "/package-lock.json").packages[""].dependencies).join("\n"))')
    for name in "${names[@]}"; do
      fetch "$name"
      cp -a "$DRY_RUN_STATE/npm/$name/." "$PWD/"
    done
    echo "added ${#names[@]} packages"
    exit 0
    ;;
  install | i) ;;
  *) exit 0 ;;
esac
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
  fetch "$name"
  cp -a "$DRY_RUN_STATE/npm/$name/." "$DRY_RUN_ROOT/"
  echo "added 1 package: $spec"
done
