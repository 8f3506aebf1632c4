#!/usr/bin/env bash
# Smoke run of the benchmark suite for CI: builds bench/Tether.Benchmarks and runs every benchmark once
# (BenchmarkDotNet's dry job), so the suite keeps compiling and every client keeps passing the checks its benchmark
# makes in GlobalSetup. Numbers from this run mean nothing; see docs/benchmarks.md for measuring.
# Then bench/generator-in-csc.sh once. Exit code: 0 when every benchmark ran, non-zero otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# BenchmarkDotNet writes its reports and logs here (ignored by git), not into the working tree.
results="artifacts/benchmarks/smoke"
rm -rf "$results"

# Every benchmark (and the csc measurement) needs the full official spec beside the repository. A clone with nothing
# beside it skips, saying so; where TETHER_REQUIRE_REFERENCE_DATA=1 (.ci/run) its absence is a failure.
spec="$(cd .. && pwd)/shared/openapi/openai.yaml"
if [[ ! -f "$spec" ]]; then
  if [[ "${TETHER_REQUIRE_REFERENCE_DATA:-}" == 1 ]]; then
    echo "benchmark smoke: needs the official OpenAI spec at $spec, which is not there (TETHER_REQUIRE_REFERENCE_DATA=1: required here)"
    exit 1
  fi
  echo "benchmark smoke skipped: needs the official OpenAI spec at $spec, which is not there (reference data kept beside the repository, in ../shared)"
  exit 0
fi

# Bounded: a hung benchmark must not eat CI's time budget.
timeout 1500 dotnet run -c Release --project bench/Tether.Benchmarks -- --smoke --filter '*' --artifacts "$results"

# The cold-run-in-csc measurement, once, so its script and consumer project keep working.
bash bench/generator-in-csc.sh 1
