#!/usr/bin/env bash
# A/A calibration of this machine, and the measurement of issue 18's first "Done when":
# run the same bench command PAIRS times twice (A/A pairs: nothing changes between A and B), then
# count how many points compare labels faster or slower, which are all false alarms:
#   before       with --before-jar JAR: that build's compare (e.g. main before issue 18)
#   fork-level   this build's compare with the default 5% floor and no calibration
#   calibrated   this build's compare with the floors of the *other* pairs' calibration
#                (leave one pair out, so no pair is judged by floors it helped make)
# and finally add all pairs to the machine's calibration, benchmarks/results/<machine>/calibration.json,
# which compare uses from then on.
#
#   scripts/aa-calibration.sh [--pairs 5] [--gap SECONDS] [--machine NAME] [--interleaved]
#                             [--before-jar JAR] [--no-save] [bench.KEY=VALUE…]
#
# The bench command is `bench --profile quick bench.benchmarks=trainStep,gemm bench.fMode=CACHED`
# followed by the given bench.KEY=VALUE overrides. --interleaved runs each pair as one interleaved
# session of two identical sides (bench --side a=java --side b=java) instead of two separate runs.
# Run it on an otherwise idle machine: it measures the machine's own noise.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/ftc-bench.jar
pairs=5 gap=0 machine=() interleaved=false before_jar="" save=true
keys=(bench.benchmarks=trainStep,gemm bench.fMode=CACHED)
die() { echo "aa-calibration.sh: $*" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --pairs) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "--pairs needs a positive number"; pairs=$2; shift 2 ;;
    --gap) [[ ${2:-} =~ ^[0-9]+$ ]] || die "--gap needs seconds"; gap=$2; shift 2 ;;
    --machine) [[ -n ${2:-} ]] || die "--machine needs a name"; machine=(--machine "$2"); shift 2 ;;
    --interleaved) interleaved=true; shift ;;
    --before-jar) [[ -f ${2:-} ]] || die "--before-jar needs an existing jar"; before_jar=$2; shift 2 ;;
    --no-save) save=false; shift ;;
    bench.*=*) keys+=("$1"); shift ;;
    *) die "unknown argument '$1': see the header of $0" ;;
  esac
done

if [[ ! -f $JAR || pom.xml -nt $JAR || -n $(find src/main -newer "$JAR" -type f -print -quit) ]]; then
  echo "aa-calibration.sh: building $JAR" >&2
  mvn -B -q package -DskipTests -Dspotless.check.skip=true >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
runs=()
echo "aa-calibration.sh: $pairs A/A pair(s) of: bench --profile quick ${keys[*]} (load now: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
for ((i = 1; i <= pairs; i++)); do
  if $interleaved; then
    mapfile -t two < <(java -jar "$JAR" bench --profile quick "${machine[@]}" --side a=java --side b=java \
      --order-seed "$i" "${keys[@]}" | tail -n 2)
    runs+=("${two[@]}")
  else
    for side in A B; do
      runs+=("$(java -jar "$JAR" bench --profile quick "${machine[@]}" "${keys[@]}" | tail -n 1)")
      [[ $gap -gt 0 ]] && sleep "$gap"
    done
  fi
  echo "aa-calibration.sh: pair $i of $pairs: ${runs[-2]} ${runs[-1]} (load: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
done

# "N points compared (…): F faster, S slower, …" → "F S N"
counts() { sed -nE 's/^([0-9]+) points compared .*: ([0-9]+) faster, ([0-9]+) slower.*/\2 \3 \1/p' | head -n 1; }
declare -A total
add() { # name "faster slower compared"
  read -r f s n <<<"$2"
  total[$1.f]=$(( ${total[$1.f]:-0} + f )); total[$1.s]=$(( ${total[$1.s]:-0} + s )); total[$1.n]=$(( ${total[$1.n]:-0} + n ))
  printf '  %-11s %2d faster, %2d slower of %2d\n' "$1" "$f" "$s" "$n"
}
for ((i = 0; i < pairs; i++)); do
  a=${runs[2*i]} b=${runs[2*i+1]}
  echo "pair $((i + 1)): $a $b"
  if [[ -n $before_jar ]]; then
    add before "$(java -jar "$before_jar" compare "$a" "$b" --out "$work/reports" | counts)"
  fi
  add fork-level "$(java -jar "$JAR" compare "$a" "$b" --calibration none --out "$work/reports" | counts)"
  if [[ $pairs -ge 2 ]]; then
    others=()
    for ((j = 0; j < pairs; j++)); do [[ $j -ne $i ]] && others+=("${runs[2*j]}" "${runs[2*j+1]}"); done
    rm -f "$work/cal.json"
    java -jar "$JAR" calibrate --out "$work/cal.json" "${others[@]}" >/dev/null
    add calibrated "$(java -jar "$JAR" compare "$a" "$b" --calibration "$work/cal.json" --out "$work/reports" | counts)"
  fi
done
echo
echo "A/A pairs: $pairs ($($interleaved && echo interleaved || echo separate runs)); points labelled faster or slower, all false alarms:"
for name in before fork-level calibrated; do
  [[ -n ${total[$name.n]:-} ]] || continue
  labelled=$(( total[$name.f] + total[$name.s] ))
  printf '  %-11s %3d of %3d points (%s%%)\n' "$name" "$labelled" "${total[$name.n]}" \
    "$(awk -v l="$labelled" -v n="${total[$name.n]}" 'BEGIN { printf "%.1f", 100 * l / n }')"
done
[[ $pairs -ge 2 ]] || echo "  calibrated  needs 2 or more pairs (each pair is judged by the others' calibration)"
if $save; then
  echo
  java -jar "$JAR" calibrate "${runs[@]}" | head -n 1
fi
