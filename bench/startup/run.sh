#!/usr/bin/env bash
# Start-up bench for the packed tool (issue 12): an offline `crosscheck check` of the 15-claim sample and of a
# generated 200-claim essay, under each runtime setting, run in turn round after round so every setting shares
# the machine's load; prints the median wall time per setting and its ratio to the installed tool as packed before
# issue 12 (JIT, default tiering). Needs the .NET SDK and the NuGet registry (crossgen2 for ReadyToRun).
#   bench/startup/run.sh [rounds]        (default 5 rounds)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

echo "building (pack + tool install, and a ReadyToRun publish for linux-x64)..." >&2
dotnet pack "$root/src/CrossCheck.Cli" -c Release -o feed -v q -nologo >/dev/null
version=$(ls feed | sed -E 's/^CrossCheck\.(.*)\.nupkg$/\1/')
dotnet tool install CrossCheck --tool-path tool --add-source feed --version "$version" >/dev/null
dotnet publish "$root/src/CrossCheck.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o r2r -v q -nologo >/dev/null
# The tool as packed, but with the runtime settings the packed tool now sets in its runtimeconfig removed, so
# environment variables decide (a runtimeconfig setting wins over none, an environment variable over both).
cfg=$(ls tool/.store/crosscheck/*/crosscheck/*/tools/net10.0/any/crosscheck.runtimeconfig.json)
python3 - "$cfg" r2r/crosscheck.runtimeconfig.json <<'PY'
import json, sys
for path in sys.argv[1:]:
    c = json.load(open(path))
    props = c["runtimeOptions"].get("configProperties", {})
    for k in ("System.Runtime.TieredPGO", "System.Runtime.TieredCompilation", "System.Runtime.TieredCompilation.QuickJitForLoops"):
        props.pop(k, None)
    json.dump(c, open(path, "w"), indent=2)
PY

mkdir in
"tool/crosscheck" sample --out in >/dev/null
python3 - <<'PY'
lines = ["# Two hundred claims", ""]
for i in range(200):
    pct = 50 + (i * 7) % 49
    lines.append(f"In evaluation round {i + 1}, Halcyon-3 resolved {pct}.{i % 10}% of the repository-repair tasks on attempt {i % 9 + 1}.")
    lines.append("")
open("in/essay200.md", "w").write("\n".join(lines))
PY

declare -A cmd env
names=(tool tool_pgo0 tool_tc0 tool_qjfl0 r2r r2r_pgo0)
cmd[tool]="tool/crosscheck";            env[tool]=""
cmd[tool_pgo0]="tool/crosscheck";       env[tool_pgo0]="DOTNET_TieredPGO=0"
cmd[tool_tc0]="tool/crosscheck";        env[tool_tc0]="DOTNET_TieredCompilation=0"
cmd[tool_qjfl0]="tool/crosscheck";      env[tool_qjfl0]="DOTNET_TC_QuickJitForLoops=0"
cmd[r2r]="r2r/crosscheck";              env[r2r]=""
cmd[r2r_pgo0]="r2r/crosscheck";         env[r2r_pgo0]="DOTNET_TieredPGO=0"

run() { # name essay -> seconds
  local start end
  start=$(date +%s%N)
  env ${env[$1]} CrossCheck__CachePath="$work/cache.db" "${cmd[$1]}" check "$2" --source in/source.pdf --out runs --quiet >/dev/null 2>&1
  end=$(date +%s%N)
  echo "scale=3; ($end - $start) / 1000000000" | bc
}

for essay in in/essay.md in/essay200.md; do
  declare -A times=()
  for n in "${names[@]}"; do run "$n" "$essay" >/dev/null; done   # warm the file cache once
  for ((r = 1; r <= rounds; r++)); do
    for n in "${names[@]}"; do times[$n]+="$(run "$n" "$essay") "; done
  done
  echo "essay $(basename "$essay") ($rounds rounds, load average $(cut -d' ' -f1 /proc/loadavg)):"
  base=$(echo ${times[tool]} | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  for n in "${names[@]}"; do
    med=$(echo ${times[$n]} | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
    printf "  %-11s median %6.2f s  ratio %.2f   (%s)\n" "$n" "$med" "$(echo "scale=4; $med / $base" | bc)" "${times[$n]% }"
  done
  unset times
done
