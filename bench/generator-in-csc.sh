#!/usr/bin/env bash
# The generator's cold run as a user meets it: the SDK's own csc (ReadyToRun, a new process each time, no compiler
# server) compiles a one-class consumer of the full official spec, and /reportanalyzer reports how long
# Tether.Generator took. The generated client is bound but not emitted (/refonly) and the SDK's code-analysis
# analyzers are left out, so one run takes ~10 s instead of ~45 s; the generator's own time is the same either way.
#
#   bash bench/generator-in-csc.sh [runs]        (default 5; prints each run and the median)
#
# Needs ../shared/openapi/openai.yaml beside the repository (or OFFICIAL_SPEC=path). Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$PWD/artifacts/benchmarks/generator-in-csc"
mkdir -p "$work"
# shellcheck source=csc-command-line.sh
source bench/csc-command-line.sh
echo "$csc_args" \
  | sed -E "s#/out:[^ ]+#/out:$work/consumer.dll /refonly#; s#/analyzer:[^ ]*NetAnalyzers\.dll##g" \
  > "$work/csc.rsp"

times=()
for ((i = 1; i <= runs; i++)); do
  # Relative paths in the command line are the project's, as when MSBuild runs it.
  (cd bench/GeneratorInCsc && $csc @"$work/csc.rsp") > "$work/run-$i.txt" 2>&1 || { tail -20 "$work/run-$i.txt"; exit 1; }
  seconds=$(awk '/Tether\.Generator\.ClientGenerator/ { print $1; exit }' "$work/run-$i.txt")
  [[ -n "$seconds" ]] || { echo "no Tether.Generator line in $work/run-$i.txt" >&2; exit 1; }
  echo "run $i: Tether.Generator ${seconds} s (1-minute load $(cut -d' ' -f1 /proc/loadavg))"
  times+=("$seconds")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
echo "median of $runs cold runs in csc: ${median} s"
