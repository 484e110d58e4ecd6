# shellcheck shell=bash
# Sourced by every dry-run stub: records the call (name, path, user, PM2_HOME, argv) in
# $DRY_RUN_LOG, then fails it when a rule in $DRY_RUN_STATE/fail-when matches ("command arg..."
# or a prefix of it ending at an argument boundary).
stub_name="${0##*/}"
stub_record() {
  local record arg
  record="$stub_name"$'\x1f'"$0"$'\x1f'"${DRY_RUN_USER:-root}"$'\x1f'"${PM2_HOME-}"
  for arg in "$@"; do record+=$'\x1f'"$arg"; done
  printf '%s\x1e' "$record" >>"$DRY_RUN_LOG"
}
stub_record "$@"
# An emulation gap: say so and fail, so the test names what to add.
stub_unsupported() {
  echo "dry-run stub $stub_name does not emulate: $*" >&2
  echo "(add it to infrastructure/src/stacks/ec2/testing/stubs/$stub_name.sh)" >&2
  exit 2
}
if [ -s "$DRY_RUN_STATE/fail-when" ]; then
  stub_call="$stub_name $*"
  while IFS= read -r rule || [ -n "$rule" ]; do
    if [ -n "$rule" ] && [[ "$stub_call" == "$rule" || "$stub_call" == "$rule "* ]]; then
      echo "dry run: injected failure of: $stub_call" >&2
      exit 1
    fi
  done <"$DRY_RUN_STATE/fail-when"
fi
