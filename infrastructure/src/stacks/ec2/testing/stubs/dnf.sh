#!/bin/bash
# dnf: `dnf install PACKAGE...` copies each fake package's files into the sandbox root; a package
# the fake repository does not have fails the way dnf does. Other subcommands are only recorded.
set -euo pipefail
# shellcheck source=prelude.sh
. "$DRY_RUN_STATE/prelude.sh"
[ "${1-}" = install ] || exit 0
shift
packages=()
for arg in "$@"; do
  case "$arg" in -*) ;; *) packages+=("$arg") ;; esac
done
for package in "${packages[@]}"; do
  if [ ! -d "$DRY_RUN_STATE/dnf/$package" ]; then
    echo "No match for argument: $package" >&2
    echo "Error: Unable to find a match: $package" >&2
    exit 1
  fi
done
for package in "${packages[@]}"; do
  cp -a "$DRY_RUN_STATE/dnf/$package/." "$DRY_RUN_ROOT/"
  echo "Installed: $package"
done
