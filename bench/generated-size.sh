#!/usr/bin/env bash
# What the generated client for the full official spec costs a consumer's build: generated files, lines (and those
# over 400 characters), bytes and types, and the SDK's own csc (a new process, full emit, the SDK's code-analysis analyzers on, as in a user's build)
# wall time, CPU time (user + system: less moved by other work on the machine than the wall time) and peak memory for
# the one-class consumer project bench/GeneratorInCsc.
#
#   bash bench/generated-size.sh                 this working tree
#   bash bench/generated-size.sh --against main  this working tree and a git revision, side by side in one run
#
# Needs ../shared/openapi/openai.yaml beside the repository (or OFFICIAL_SPEC=path). Times mean something only on a
# quiet machine; the sizes are exact on any machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
against=""
if [[ "${1:-}" == "--against" ]]; then against="${2:?--against needs a git revision}"; fi

root="$PWD/artifacts/benchmarks/generated-size"
rm -rf "$root" && mkdir -p "$root"
# A revision's worktree has no ../shared beside it, so every measurement reads the same spec by absolute path.
export OFFICIAL_SPEC="${OFFICIAL_SPEC:-$(realpath ../shared/openapi/openai.yaml)}"

# measure LABEL REPOSITORY_ROOT: prints one table row.
measure() {
  local label="$1" tree="$2"
  # The label may hold spaces and parentheses; the folder (part of csc's command line) may not.
  work="$root/${label//[^A-Za-z0-9+._-]/_}"
  mkdir -p "$work/generated"
  (
    cd "$tree"
    # shellcheck source=csc-command-line.sh
    source bench/csc-command-line.sh
    echo "$csc_args" | sed -E "s#/out:[^ ]+#/out:$work/consumer.dll#" > "$work/csc.rsp"
    echo "/generatedfilesout:$work/generated" >> "$work/csc.rsp"
    # Relative paths in the command line are the project's, as when MSBuild runs it.
    (cd bench/GeneratorInCsc && /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" $csc @"$work/csc.rsp") > "$work/csc.txt" 2>&1 \
      || { tail -20 "$work/csc.txt"; exit 1; }
  )
  local files lines bytes types long seconds kib user system
  files=$(find "$work/generated" -name '*.cs' | wc -l)
  lines=$(find "$work/generated" -name '*.cs' -exec cat {} + | wc -l)
  bytes=$(find "$work/generated" -name '*.cs' -exec cat {} + | wc -c)
  types=$(find "$work/generated" -name '*.cs' -exec cat {} + \
    | grep -cE '^(public|internal)( (sealed|abstract|static|readonly|partial|file))* (class|struct|enum|interface|record)( struct)? ')
  long=$(find "$work/generated" -name '*.cs' -exec cat {} + | awk 'length($0) > 400' | wc -l)
  read -r seconds kib user system < "$work/time.txt"
  printf '| %s | %s | %s | %s | %s | %s | %s s | %s s | %s MB |\n' "$label" "$files" "$lines" "$long" "$(( bytes / 1024 )) KiB" "$types" \
    "$seconds" "$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')" "$(( kib / 1024 ))"
}

rows=()
rows+=("$(measure "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes')" "$PWD")")
if [[ -n "$against" ]]; then
  git worktree remove --force "$root/tree" 2>/dev/null || true
  git worktree add --detach "$root/tree" "$against" > /dev/null
  rows+=("$(measure "$(git rev-parse --short "$against") ($against)" "$root/tree")")
  git worktree remove --force "$root/tree"
fi

echo "1-minute load at the end: $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores"
echo "| tree | generated files | lines | lines over 400 characters | size | types (with converters) | csc wall time | csc CPU time | csc peak memory |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
