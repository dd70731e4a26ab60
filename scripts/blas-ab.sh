#!/usr/bin/env bash
# Issue 18's second "Done when": a real difference is still found, in both modes. Measures
# bundled:auto (jblas's bundled OpenBLAS detecting the CPU: 2008 "Barcelona" kernels on Zen)
# against system (Debian's OpenBLAS preloaded) on docs/blas.md's experiment points,
#   separate:    ./run-benchmarks.sh --only bench --blas bundled:auto, then --blas system
#   interleaved: bench --side auto=… --side system=… (one session, fork by fork)
# and compares each pair, printing compare's summary lines for the points docs/blas.md quotes.
#
#   scripts/blas-ab.sh [--machine NAME] [--mode separate|interleaved|both] [bench.KEY=VALUE…]
#
# Both modes write into the same machine folder, so compare applies its A/A calibration
# (scripts/aa-calibration.sh) when there is one. Needs the Debian package libopenblas0.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/ftc-bench.jar
mode=both machine_arg=()
keys=(bench.benchmarks=gemm,trainStep bench.gemm.size=256,1024,2048 bench.N=1000,10000 bench.depth=2,3
  bench.fMode=CACHED bench.gcProfiler=false)
die() { echo "blas-ab.sh: $*" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --machine) [[ -n ${2:-} ]] || die "--machine needs a name"; machine_arg=(--machine "$2"); shift 2 ;;
    --mode) [[ ${2:-} =~ ^(separate|interleaved|both)$ ]] || die "--mode needs separate, interleaved or both"; mode=$2; shift 2 ;;
    bench.*=*) keys+=("$1"); shift ;;
    *) die "unknown argument '$1': see the header of $0" ;;
  esac
done
lib=$(ldconfig -p 2>/dev/null | awk '/libopenblas\.so\.0 / {print $NF; exit}')
[[ -n $lib ]] || die "no libopenblas.so.0: install the Debian package libopenblas0 (sudo apt-get install -y libopenblas0)"
if [[ ! -f $JAR || pom.xml -nt $JAR || -n $(find src/main -newer "$JAR" -type f -print -quit) ]]; then
  echo "blas-ab.sh: building $JAR" >&2
  mvn -B -q package -DskipTests -Dspotless.check.skip=true >&2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

show() { # compare A B: the counts line and the points docs/blas.md quotes
  java -jar "$JAR" compare "$1" "$2" --out "$work/reports" \
    | grep -E '^[0-9]+ points compared|^method: noise|dgemm \[size=(1024|2048)\]|N=10000, depth=[23]'
}

if [[ $mode != interleaved ]]; then
  echo "blas-ab.sh: separate runs (load: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  a=$(./run-benchmarks.sh --only bench --blas bundled:auto "${machine_arg[@]}" "${keys[@]}" | sed -n 's/^run folder: //p')
  b=$(./run-benchmarks.sh --only bench --blas system "${machine_arg[@]}" "${keys[@]}" | sed -n 's/^run folder: //p')
  [[ -d $a && -d $b ]] || die "run-benchmarks.sh did not report both run folders (got '$a' and '$b')"
  echo "separate runs: A = bundled:auto $a, B = system $b"
  show "$a" "$b"
fi
if [[ $mode != separate ]]; then
  echo "blas-ab.sh: interleaved (load: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  # the command lines that start a JVM under each configuration, as the forked JVMs' launchers
  mapfile -t two < <(java -jar "$JAR" bench --profile quick "${machine_arg[@]}" \
    --side "auto=$(java -jar "$JAR" blas --command bundled:auto)" \
    --side "system=$(java -jar "$JAR" blas --command system)" \
    "${keys[@]}" | tail -n 2)
  [[ ${#two[@]} -eq 2 && -d ${two[0]} && -d ${two[1]} ]] || die "bench --side did not report two run folders"
  echo "interleaved: A = bundled:auto ${two[0]}, B = system ${two[1]}"
  show "${two[0]}" "${two[1]}"
fi
