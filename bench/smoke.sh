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

# Bounded: a hung benchmark must not eat CI's time budget.
timeout 1500 dotnet run -c Release --project bench/Tether.Benchmarks -- --smoke --filter '*' --artifacts "$results"

# The cold-run-in-csc measurement, once, so its script and consumer project keep working.
bash bench/generator-in-csc.sh 1
