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
spec_arg=()
if [[ -n "${OFFICIAL_SPEC:-}" ]]; then spec_arg=("-p:OfficialSpec=$OFFICIAL_SPEC"); fi

# Builds the generator and the runtime, and asks MSBuild for the exact csc command line without running it.
touch bench/GeneratorInCsc/OpenAIClient.cs
dotnet build -c Release bench/GeneratorInCsc -v:n -p:CommandLineOnly=true \
  "${spec_arg[@]}" > "$work/build.log" 2>&1 || { grep -E "error|FAILED" "$work/build.log" | cut -c1-400 | tail -20; exit 1; }
command_line=$(grep -E '/csc(\.dll)? /noconfig .*/out:[^ ]*/GeneratorInCsc\.dll' "$work/build.log" | tail -1 | sed 's/^ *//')
csc="${command_line%% /noconfig *}"
if [[ -z "$command_line" || ! -e "${csc%% *}" ]]; then echo "could not find the csc command line in $work/build.log" >&2; exit 1; fi

echo "${command_line#"$csc" }" \
  | sed -E "s#/out:[^ ]+#/out:$work/consumer.dll /refonly#; s#/analyzer:[^ ]*NetAnalyzers\.dll##g" \
  > "$work/csc.rsp"

# The SDK's csc apphost needs DOTNET_ROOT, as MSBuild sets it ("Setting DOTNET_ROOT to '…'" in the log).
dotnet_root=$(sed -n "s/.*Setting DOTNET_ROOT to '\([^']*\)'.*/\1/p" "$work/build.log" | head -1)
export DOTNET_ROOT="${dotnet_root:-$(dirname "$(command -v dotnet)")}"
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
