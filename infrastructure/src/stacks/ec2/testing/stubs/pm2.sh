#!/bin/bash
# pm2: starting from an ecosystem file loads it with node (a syntax error or a missing script
# fails, as with pm2); `save` writes the dump file under PM2_HOME; `startup systemd -u USER`
# writes the unit pm2 would (/etc/systemd/system/pm2-USER.service, starting this pm2); the rest
# is only recorded.
# Nothing is daemonised.
set -euo pipefail
# shellcheck source=prelude.sh
. "$DRY_RUN_STATE/prelude.sh"
case "${1-}" in
  start | startOrReload | startOrRestart | reload | restart)
    case "${2-}" in
      *.config.js | *.config.cjs | *.json)
        "$DRY_RUN_NODE" -e '
          const { existsSync } = require("node:fs");
          const config = require(require("node:path").resolve(process.argv[1]));
          for (const app of config.apps ?? [config]) {
            if (!existsSync(app.script)) {
              console.error("[PM2][ERROR] Script not found: " + app.script);
              process.exit(1);
            }
            console.log("[PM2] App [" + app.name + "] launched");
          }' "$2"
        ;;
    esac
    ;;
  save)
    mkdir -p "${PM2_HOME:-$HOME/.pm2}"
    echo '[]' >"${PM2_HOME:-$HOME/.pm2}/dump.pm2"
    ;;
  startup)
    user=root
    while [ $# -gt 0 ]; do
      case "$1" in
        -u) user="${2-}"; shift 2 ;;
        *) shift ;;
      esac
    done
    mkdir -p "$DRY_RUN_ROOT/etc/systemd/system"
    printf '# pm2 startup (dry run) for %s\nExecStart=%s resurrect\n' "$user" "$0" >"$DRY_RUN_ROOT/etc/systemd/system/pm2-$user.service"
    ;;
esac
