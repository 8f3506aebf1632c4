# Sourced by the bench scripts: builds the generator, the runtime and bench/GeneratorInCsc (a one-class consumer of the
# full official spec), and leaves in $csc and $csc_args the exact csc command line MSBuild would run, with DOTNET_ROOT
# exported as MSBuild sets it for the SDK's csc apphost. Needs $work (a scratch folder); OFFICIAL_SPEC=path overrides
# ../shared/openapi/openai.yaml.
spec_arg=()
if [[ -n "${OFFICIAL_SPEC:-}" ]]; then spec_arg=("-p:OfficialSpec=$OFFICIAL_SPEC"); fi

touch bench/GeneratorInCsc/OpenAIClient.cs
dotnet build -c Release bench/GeneratorInCsc -v:n -p:CommandLineOnly=true \
  "${spec_arg[@]}" > "$work/build.log" 2>&1 || { grep -E "error|FAILED" "$work/build.log" | cut -c1-400 | tail -20; exit 1; }
command_line=$(grep -E '/csc(\.dll)? /noconfig .*/out:[^ ]*/GeneratorInCsc\.dll' "$work/build.log" | tail -1 | sed 's/^ *//')
csc="${command_line%% /noconfig *}"
if [[ -z "$command_line" || ! -e "${csc%% *}" ]]; then echo "could not find the csc command line in $work/build.log" >&2; exit 1; fi
csc_args="${command_line#"$csc" }"

dotnet_root=$(sed -n "s/.*Setting DOTNET_ROOT to '\([^']*\)'.*/\1/p" "$work/build.log" | head -1)
export DOTNET_ROOT="${dotnet_root:-$(dirname "$(command -v dotnet)")}"
