#!/usr/bin/env bash
# What the TypedFlags analyzers add to a real `dotnet build`: packs TypedFlags, generates the AnalyzerCostBenchmarks
# project (500 flags, 50 expired, 50 launched; 5,000 flag reads in 10 files; 50 appsettings overrides) as a real
# consumer, and rebuilds it in four configurations, interleaved, reporting the Csc task time of each build.
#
#   sdk+tf  the default: .NET SDK analyzers and TypedFlags analyzers
#   sdk     TypedFlags rules set to none in a .globalconfig (Roslyn then skips the analyzers)
#   tf      EnableNETAnalyzers=false: TypedFlags analyzers alone
#   none    neither
#
# Usage: benchmarks/build-cost/measure.sh [rounds]   (default 6; prints medians, writes builds.txt in the work folder)
set -euo pipefail
rounds=${1:-6}
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/typedflags-build-cost.XXXXXX")
version=0.1.0-buildcost.$(date +%s)

dotnet pack "$repo/src/TypedFlags/TypedFlags.csproj" -c Release -o "$work/feed" -p:Version=$version -v:q -nologo >/dev/null
project="$work/Bench"
mkdir -p "$project"

{
  echo "version: 1"
  echo "flags:"
  for i in $(seq 0 499); do
    echo "  feature$i:"
    echo "    description: Feature $i"
    case $((i % 10)) in
      1) echo "    expires: 2026-01-01" ;;
      2) echo "    default: true"; echo "    launched: 2026-01-01" ;;
    esac
  done
} > "$project/flags.yaml"

{
  printf '{ "Flags": {'
  for i in $(seq 0 49); do [ $i -gt 0 ] && printf ','; printf ' "feature%d": "on"' $i; done
  printf ' } }\n'
} > "$project/appsettings.json"

for f in $(seq 0 9); do
  {
    echo "namespace Bench;"
    echo
    echo "public static class Uses$f"
    echo "{"
    echo "    public static int Run(Flags flags, Microsoft.FeatureManagement.IFeatureManager features)"
    echo "    {"
    echo "        var n = 0;"
    for j in $(seq 0 499); do
      flag=$(((f * 500 + j) % 500))
      if [ $((j % 5)) -eq 4 ]; then
        echo "        if (features.IsEnabledAsync(\"feature$flag\").Result) n++;"
      else
        echo "        if (flags.Feature$flag.IsEnabled) n++;"
      fi
    done
    echo "        return n;"
    echo "    }"
    echo "}"
  } > "$project/Uses$f.cs"
done

cat > "$project/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML

cat > "$project/Bench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <RootNamespace>Bench</RootNamespace>
    <Nullable>enable</Nullable>
    <TypedFlagsToday>2026-11-22</TypedFlagsToday>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="TypedFlags" Version="$version" />
    <PackageReference Include="Microsoft.FeatureManagement" Version="4.7.0" />
  </ItemGroup>
  <ItemGroup Condition="'\$(TypedFlagsOff)' == 'true'">
    <GlobalAnalyzerConfigFiles Include="typedflags-off.globalconfig" />
  </ItemGroup>
</Project>
XML

{
  echo "is_global = true"
  for id in TF0007 TF1001 TF1101 TF1102 TF1103 TF1104 TF2001 TF2002; do echo "dotnet_diagnostic.$id.severity = none"; done
} > "$project/typedflags-off.globalconfig"

cd "$project"
dotnet restore -v:q -nologo >/dev/null
csc_ms() { dotnet build --no-restore -t:Rebuild -clp:PerformanceSummary -nologo "$@" | sed -n 's/^ *\([0-9][0-9]*\) ms  Csc .*/\1/p'; }
csc_ms >/dev/null   # warm the compiler server
: > builds.txt
for round in $(seq 1 "$rounds"); do
  echo "sdk+tf $(csc_ms)" >> builds.txt
  echo "sdk $(csc_ms -p:TypedFlagsOff=true)" >> builds.txt
  echo "tf $(csc_ms -p:EnableNETAnalyzers=false)" >> builds.txt
  echo "none $(csc_ms -p:EnableNETAnalyzers=false -p:TypedFlagsOff=true)" >> builds.txt
done

for config in sdk+tf sdk tf none; do
  awk -v c="$config" '$1 == c { print $2 }' builds.txt | sort -n | awk -v c="$config" '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%-7s median %6.0f ms  (%d builds, min %d, max %d)\n", c, m, NR, v[1], v[NR] }'
done
echo "Per-analyzer times: cd $project && dotnet build --no-restore -t:Rebuild -p:ReportAnalyzer=true -v:d | grep -A12 'Total analyzer execution time'"
