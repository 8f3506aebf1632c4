#!/usr/bin/env bash
# Whether moving spec-independent helpers into Tether.Runtime costs a ReadyToRun application: publishes the benchmark
# program with ReadyToRun and times the 221 KB Responses JSON (Tether beside the OpenAI SDK) three ways:
#   ReadyToRun, tiering off  the precompiled code as it is: calls across assemblies that ReadyToRun could not inline stay calls
#   ReadyToRun, tiering on   what an application gets: precompiled code first, hot methods rejitted with inlining
#   JIT only                 the precompiled code ignored, fully optimized JIT code
#
#   bash bench/ready-to-run.sh
#
# Needs ../shared/openapi/openai.yaml beside the repository (the benchmark's client is generated from it). Times mean
# something only on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out="$PWD/artifacts/benchmarks/ready-to-run"
rm -rf "$out" && mkdir -p "$(dirname "$out")"
rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
dotnet publish bench/Tether.Benchmarks -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out" > "$out.log" 2>&1 \
  || { grep -E "error" "$out.log" | tail -20; exit 1; }
program="$out/Tether.Benchmarks"

# Three processes of each, interleaved, so that a busy moment of the machine does not land on one configuration only.
for run in 1 2 3; do
  echo "## run $run: ReadyToRun, tiering off"
  DOTNET_TieredCompilation=0 "$program" --ready-to-run-check | grep -v '^//'
  echo "## run $run: JIT only (ReadyToRun code ignored), tiering off"
  DOTNET_ReadyToRun=0 DOTNET_TieredCompilation=0 "$program" --ready-to-run-check | grep -v '^//'
  echo "## run $run: ReadyToRun, tiering on (what an application gets)"
  "$program" --ready-to-run-check | grep -v '^//'
done
echo "1-minute load at the end: $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores"
