#!/bin/bash
# systemctl: only recorded.
set -euo pipefail
# shellcheck source=prelude.sh
. "$DRY_RUN_STATE/prelude.sh"
