#!/bin/bash
# The CloudWatch agent's control script: `-a fetch-config ... -c file:PATH` checks that the file
# is JSON, as the agent does before it starts; everything is recorded.
set -euo pipefail
# shellcheck source=prelude.sh
. "$DRY_RUN_STATE/prelude.sh"
config=""
while [ $# -gt 0 ]; do
  case "$1" in
    -c) config="${2-}"; shift 2 ;;
    *) shift ;;
  esac
done
case "$config" in
  file:*)
    "$DRY_RUN_NODE" -e 'JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"))' "${config#file:}" || {
      echo "amazon-cloudwatch-agent-ctl: ${config#file:} is not valid JSON" >&2
      exit 1
    }
    ;;
esac
echo "amazon-cloudwatch-agent: configured and started"
