#!/bin/bash
# aws: the calls a boot script makes, against a fake world under $DRY_RUN_STATE:
#   s3/<bucket>/<key>   objects (s3 cp, s3api list-objects-v2)
#   ssm<name>           parameter values (ssm get-parameter, ssm put-parameter)
# Anything else fails and says it is not emulated.
set -euo pipefail
# shellcheck source=prelude.sh
. "$DRY_RUN_STATE/prelude.sh"
declare -A opt=()
pos=()
while [ $# -gt 0 ]; do
  case "$1" in
    --recursive | --only-show-errors | --quiet | --no-paginate | --no-cli-pager | \
      --with-decryption | --no-with-decryption | --overwrite | --no-overwrite)
      opt[$1]=1
      shift
      ;;
    --*)
      opt[$1]="${2-}"
      shift 2
      ;;
    *)
      pos+=("$1")
      shift
      ;;
  esac
done
s3="$DRY_RUN_STATE/s3"
ssm="$DRY_RUN_STATE/ssm"
text_list() { # the text output of a list query: tab-separated, "None" when empty
  local IFS=$'\t'
  if [ $# -eq 0 ]; then echo None; else echo "$*"; fi
}
case "${pos[0]-} ${pos[1]-}" in
  "ssm get-parameter")
    name="${opt[--name]-}"
    if [ ! -f "$ssm$name" ]; then
      echo "An error occurred (ParameterNotFound) when calling the GetParameter operation: " >&2
      exit 254
    fi
    if [ "${opt[--query]-}" != Parameter.Value ] || [ "${opt[--output]-}" != text ]; then
      stub_unsupported "get-parameter without --query Parameter.Value --output text"
    fi
    cat "$ssm$name"
    echo
    ;;
  "ssm put-parameter")
    name="${opt[--name]-}"
    mkdir -p "$(dirname "$ssm$name")"
    printf '%s' "${opt[--value]-}" >"$ssm$name"
    ;;
  "s3 cp")
    src="${pos[2]-}"
    dst="${pos[3]-}"
    case "$src" in s3://*) ;; *) stub_unsupported "an upload: aws s3 cp $src $dst" ;; esac
    object="$s3/${src#s3://}"
    if [ -n "${opt[--recursive]-}" ]; then
      # Copies every object under the prefix; an empty prefix copies nothing and succeeds.
      mkdir -p "$dst"
      if [ -d "$object" ]; then cp -R "$object/." "$dst/"; fi
    elif [ -f "$object" ]; then
      if [ "$dst" = - ]; then cat "$object"; else cp "$object" "$dst"; fi
    else
      echo "fatal error: An error occurred (404) when calling the HeadObject operation: Key \"${src#s3://*/}\" does not exist" >&2
      exit 1
    fi
    ;;
  "s3api list-objects-v2")
    dir="$s3/${opt[--bucket]-}"
    [ -d "$dir" ] || {
      echo "An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: The specified bucket does not exist" >&2
      exit 254
    }
    prefix="${opt[--prefix]-}"
    found=()
    case "${opt[--delimiter]-}|${opt[--query]-}" in
      "/|CommonPrefixes[].Prefix")
        if [ -d "$dir/$prefix" ]; then
          while IFS= read -r sub; do found+=("$prefix${sub##*/}/"); done < <(
            find "$dir/$prefix" -mindepth 1 -maxdepth 1 -type d | sort
          )
        fi
        ;;
      "|Contents[].Key")
        while IFS= read -r key; do
          [[ "$key" == "$prefix"* ]] && found+=("$key")
        done < <(cd "$dir" && find . -type f | sed 's|^\./||' | sort)
        ;;
      *) stub_unsupported "list-objects-v2 with --delimiter '${opt[--delimiter]-}' --query '${opt[--query]-}'" ;;
    esac
    [ "${opt[--output]-}" = text ] || stub_unsupported "list-objects-v2 without --output text"
    text_list "${found[@]}"
    ;;
  *)
    stub_unsupported "aws ${pos[*]}"
    ;;
esac
