#!/usr/bin/env bash
# What the generated client for the full official spec costs a consumer's build: generated files, lines (and those
# over 400 characters), bytes and types, and the SDK's own csc (a new process, full emit, the SDK's code-analysis analyzers on, as in a user's build)
# wall time, CPU time (user + system: less moved by other work on the machine than the wall time) and peak memory for
# the one-class consumer project bench/GeneratorInCsc.
#
#   bash bench/generated-size.sh                           this working tree
#   bash bench/generated-size.sh --against main            this working tree and a git revision, side by side
#   bash bench/generated-size.sh --against main --runs 3   each compiled 3 times, the trees taking turns
#   bash bench/generated-size.sh --without-sdk-analyzers   the same compile without the SDK's code-analysis analyzers,
#                                                          to see their share (they analyze generated code too)
#
# With several runs each time column is the best (lowest) of the runs: on a shared machine other work only ever adds
# time and memory, so the minimum is the figure least moved by it; every run's CPU time is listed below the table.
# Needs ../shared/openapi/openai.yaml beside the repository (or OFFICIAL_SPEC=path). Times mean something only on a
# quiet machine; the sizes are exact on any machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
against=""
runs=1
analyzers=on
while [[ $# -gt 0 ]]; do
  case "$1" in
    --against) against="${2:?--against needs a git revision}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a count}"; shift 2 ;;
    --without-sdk-analyzers) analyzers=off; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

root="$PWD/artifacts/benchmarks/generated-size"
rm -rf "$root" && mkdir -p "$root"
# A revision's worktree has no ../shared beside it, so every measurement reads the same spec by absolute path.
export OFFICIAL_SPEC="${OFFICIAL_SPEC:-$(realpath ../shared/openapi/openai.yaml)}"

# prepare LABEL REPOSITORY_ROOT: builds the tree and writes the csc command line into its work folder.
prepare() {
  local label="$1" tree="$2"
  # The label may hold spaces and parentheses; the folder (part of csc's command line) may not.
  local work="$root/${label//[^A-Za-z0-9+._-]/_}"
  mkdir -p "$work/generated"
  (
    cd "$tree"
    # shellcheck source=csc-command-line.sh
    source bench/csc-command-line.sh
    echo "$csc_args" | sed -E "s#/out:[^ ]+#/out:$work/consumer.dll#" > "$work/csc.rsp"
    if [[ "$analyzers" == off ]]; then sed -i -E 's#/analyzer:[^ ]*NetAnalyzers\.dll##g' "$work/csc.rsp"; fi
    echo "/generatedfilesout:$work/generated" >> "$work/csc.rsp"
    printf '%s\n%s\n%s\n' "$tree" "$csc" "$DOTNET_ROOT" > "$work/csc.where"
  )
}

# compile LABEL RUN: one csc run of a prepared tree; appends "wall KiB user system" to its times.
compile() {
  local work="$root/${1//[^A-Za-z0-9+._-]/_}" tree csc dotnet_root
  { read -r tree; read -r csc; read -r dotnet_root; } < "$work/csc.where"
  rm -rf "$work/generated" && mkdir -p "$work/generated"
  # Relative paths in the command line are the project's, as when MSBuild runs it.
  (cd "$tree/bench/GeneratorInCsc" && DOTNET_ROOT="$dotnet_root" /usr/bin/time -f '%e %M %U %S' -o "$work/time-$2.txt" $csc @"$work/csc.rsp") \
    > "$work/csc.txt" 2>&1 || { tail -20 "$work/csc.txt"; exit 1; }
  cat "$work/time-$2.txt" >> "$work/times.txt"
}

# report LABEL: prints one table row (the best of the runs for the times) and keeps every run's CPU time.
report() {
  local label="$1" work="$root/${1//[^A-Za-z0-9+._-]/_}"
  local files lines bytes types long
  files=$(find "$work/generated" -name '*.cs' | wc -l)
  lines=$(find "$work/generated" -name '*.cs' -exec cat {} + | wc -l)
  bytes=$(find "$work/generated" -name '*.cs' -exec cat {} + | wc -c)
  types=$(find "$work/generated" -name '*.cs' -exec cat {} + \
    | grep -cE '^(public|internal)( (sealed|abstract|static|readonly|partial|file))* (class|struct|enum|interface|record)( struct)? ')
  long=$(find "$work/generated" -name '*.cs' -exec cat {} + | awk 'length($0) > 400' | wc -l)
  local best
  best=$(awk 'NR == 1 || $1 < w { w = $1 } NR == 1 || $2 < k { k = $2 } NR == 1 || $3 + $4 < c { c = $3 + $4 }
    END { printf "%.2f s | %.2f s | %d MB", w, c, k / 1024 }' "$work/times.txt")
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$files" "$lines" "$long" "$(( bytes / 1024 )) KiB" "$types" "$best"
}

# cpu_runs LABEL: every run's CPU time, in the order run.
cpu_runs() {
  awk '{ printf "%s%.2f", (NR > 1 ? ", " : ""), $3 + $4 }' "$root/${1//[^A-Za-z0-9+._-]/_}/times.txt"
}

labels=("$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes')")
prepare "${labels[0]}" "$PWD"
if [[ -n "$against" ]]; then
  git worktree remove --force "$root/tree" 2>/dev/null || true
  git worktree add --detach "$root/tree" "$against" > /dev/null
  labels+=("$(git rev-parse --short "$against") ($against)")
  prepare "${labels[1]}" "$root/tree"
fi

# The trees take turns, so that a busy spell of the machine does not fall on one tree only.
for ((run = 1; run <= runs; run++)); do
  for label in "${labels[@]}"; do compile "$label" "$run"; done
done

rows=()
for label in "${labels[@]}"; do rows+=("$(report "$label")"); done
if [[ -n "$against" ]]; then git worktree remove --force "$root/tree"; fi

echo "1-minute load at the end: $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores; best of $runs run(s) per tree; SDK code-analysis analyzers $analyzers"
echo "| tree | generated files | lines | lines over 400 characters | size | types (with converters) | csc wall time | csc CPU time | csc peak memory |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
if [[ $runs -gt 1 ]]; then
  for label in "${labels[@]}"; do echo "every run of $label: $(cpu_runs "$label") s CPU"; done
fi
