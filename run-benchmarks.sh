#!/usr/bin/env bash
# ftc-bench: the one entry point.
#   ./run-benchmarks.sh [--profile quick|standard|full] [--blas CONFIG] [--machine NAME]
#                       [--only sweep|bench] [--engine local|slurm [--partition P] [--nodes A,B]
#                       [--sbatch=OPTION…]] [key=value…]
#       check prerequisites, build if stale, then: certified and trained sweeps (sweep), JMH kernel
#       benchmarks (bench) into the same run folder, and the HTML report (report). With --engine
#       slurm the sweep is a job array on the cluster sbatch reaches and the benchmarks run once on
#       each node of --nodes or --partition (one node by default), each into its own run folder
#       (docs/cluster.md)
#   ./run-benchmarks.sh test [maven arguments…]
#       check prerequisites, build and run the whole test suite (mvn -B verify)
# --blas: auto (default: the fastest configuration this machine has that passes the self-check,
# measured once and remembered), bundled (jblas's OpenBLAS as the environment leaves it),
# bundled:CORE (force the OpenBLAS core type, e.g. bundled:SkylakeX), bundled:auto (let the bundled
# OpenBLAS detect the CPU), system (preload Debian's OpenBLAS, libopenblas0).
# key=value overrides profile keys: sweep.* go to the sweep, bench.* to the benchmarks.
set -euo pipefail
cd "$(dirname "$0")"

JAR=target/ftc-bench.jar

die() { # one line, exit 2: a missing prerequisite is the user's to fix
  echo "run-benchmarks.sh: $*" >&2
  exit 2
}

have_debian_package() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

# Installs a Debian package when running as root; otherwise names the command to run.
require_debian_package() {
  local pkg=$1 why=$2
  if have_debian_package "$pkg"; then return 0; fi
  if ! command -v apt-get >/dev/null 2>&1; then
    # Not Debian: trust the dynamic loader for the library instead.
    [[ $pkg == libgfortran5 ]] && ldconfig -p 2>/dev/null | grep -q 'libgfortran\.so\.5' && return 0
    die "$pkg is missing ($why) and this is not a Debian/Ubuntu system: install libgfortran 5 with your package manager"
  fi
  if [[ $(id -u) -ne 0 ]]; then
    die "$pkg is missing ($why): run 'sudo apt-get install -y $pkg' and try again"
  fi
  echo "run-benchmarks.sh: installing $pkg ($why)" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -qq "$pkg" >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || true
    apt-get install -y -qq "$pkg" >/dev/null || die "apt-get could not install $pkg: install it by hand and try again"
  fi
}

# Like require_debian_package, but only warns when the package cannot be had, saying what is lost
# without it.
want_debian_package() {
  local pkg=$1 why=$2 without=$3
  have_debian_package "$pkg" && return 0
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "run-benchmarks.sh: installing $pkg ($why)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq "$pkg" >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1; apt-get install -y -qq "$pkg" >/dev/null 2>&1; } \
      || echo "run-benchmarks.sh: WARNING: could not install $pkg ($why): $without" >&2
  else
    echo "run-benchmarks.sh: WARNING: $pkg is missing ($why): run 'sudo apt-get install -y $pkg', or $without" >&2
  fi
}

check_prerequisites() {
  command -v java >/dev/null 2>&1 || die "java is missing: install a JDK 17 or newer (apt-get install -y openjdk-17-jdk)"
  command -v mvn >/dev/null 2>&1 || die "mvn is missing: install Maven (apt-get install -y maven)"
  local version
  version=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [[ ${version%%.*} -ge 17 ]] || die "java $version is too old: install a JDK 17 or newer and put it first on PATH"
  require_debian_package libgfortran5 "jblas's native BLAS links against libgfortran.so.5"
  # optional: a current OpenBLAS, one of the configurations --blas auto measures
  want_debian_package libopenblas0 "a current OpenBLAS, often the fastest BLAS --blas auto can choose" \
    "auto chooses among jblas's own OpenBLAS configurations"
}

# Shows a command's output (on stderr) and passes it on (stdout), through the inherited descriptor:
# `tee /dev/stderr` reopens the file behind fd 2, which truncates a log the script is redirected to.
show() { while IFS= read -r line; do printf '%s\n' "$line" >&2; printf '%s\n' "$line"; done; }

build_if_stale() {
  # the jar holds the classes, resources and the built-in profiles
  if [[ ! -f $JAR || pom.xml -nt $JAR || -n $(find src/main benchmarks/profiles -newer "$JAR" -type f -print -quit) ]]; then
    echo "run-benchmarks.sh: building $JAR" >&2
    mvn -B -q package -DskipTests -Dspotless.check.skip=true
  fi
}

main_job() {
  local profile=quick blas=${FTC_BLAS:-auto} machine=() sweep_keys=() bench_keys=() only=all
  local engine=local slurm=() nodes=()
  while [[ $# -gt 0 ]]; do
    case $1 in
      --profile) [[ $# -ge 2 ]] || die "--profile needs a name (quick, standard or full)"; profile=$2; shift 2 ;;
      --profile=*) profile=${1#*=}; shift ;;
      --blas) [[ $# -ge 2 ]] || die "--blas needs a configuration (auto, bundled, bundled:CORE, bundled:auto, system)"; blas=$2; shift 2 ;;
      --blas=*) blas=${1#*=}; shift ;;
      --machine) [[ $# -ge 2 ]] || die "--machine needs a name"; machine=(--machine "$2"); shift 2 ;;
      --only) [[ $# -ge 2 && ($2 == sweep || $2 == bench) ]] || die "--only needs a stage: sweep or bench"; only=$2; shift 2 ;;
      --engine) [[ $# -ge 2 && ($2 == local || $2 == slurm) ]] || die "--engine needs local or slurm"; engine=$2; shift 2 ;;
      --partition) [[ $# -ge 2 ]] || die "--partition needs a Slurm partition name"; slurm+=(--partition "$2"); shift 2 ;;
      --nodes) [[ $# -ge 2 ]] || die "--nodes needs node names, e.g. --nodes node1,node2"; nodes=(--nodes "$2"); shift 2 ;;
      --sbatch=*) slurm+=("$1"); shift ;;
      sweep.*=*) sweep_keys+=("$1"); shift ;;
      bench.*=*) bench_keys+=("$1"); shift ;;
      *) die "unknown argument '$1': use [--profile NAME] [--blas CONFIG] [--machine NAME] [--only sweep|bench] [--engine local|slurm] [--partition P] [--nodes A,B] [--sbatch=OPTION] [sweep.KEY=VALUE|bench.KEY=VALUE…], or 'test'" ;;
    esac
  done
  if [[ $engine == slurm ]]; then
    command -v sbatch >/dev/null 2>&1 \
      || die "--engine slurm: sbatch is missing: run on a Slurm login node, or start the one-node cluster with 'eval \"\$(scripts/slurm-cluster.sh start)\"' (docs/cluster.md)"
    slurm=(--engine slurm "${slurm[@]}")
  else
    [[ ${#slurm[@]} -eq 0 && ${#nodes[@]} -eq 0 ]] || die "--partition, --nodes and --sbatch go with --engine slurm"
  fi
  build_if_stale
  # the jar's own list (its built-in profiles and benchmarks/profiles), so that the two agree
  local profiles
  profiles=$(java -jar "$JAR" profiles | cut -f1)
  grep -qxF -- "$profile" <<<"$profiles" \
    || die "unknown profile '$profile': choose one of $(tr '\n' ' ' <<<"$profiles")"
  # the jar chooses and checks the BLAS configuration itself (auto: measured once per machine)
  # and runs every JVM of the run under it (cli.Launcher)
  export FTC_BLAS=$blas
  local run
  if [[ $only != bench ]]; then
    # the sweep's summary lines go to the terminal too; its last line is the run folder
    run=$(java -jar "$JAR" sweep --profile "$profile" "${machine[@]}" "${slurm[@]}" "${sweep_keys[@]}" | show | tail -n 1)
    [[ -d $run ]] || die "the sweep did not report its run folder (got '$run')"
  fi
  local bench_runs=""
  if [[ $engine == slurm && $only != sweep ]]; then
    # one run folder per node, each under its own machine name
    bench_runs=$(java -jar "$JAR" bench --profile "$profile" "${slurm[@]}" "${nodes[@]}" "${bench_keys[@]}" | show | tr '\n' ' ')
  elif [[ $only == bench ]]; then
    run=$(java -jar "$JAR" bench --profile "$profile" "${machine[@]}" "${bench_keys[@]}" | show | tail -n 1)
  elif [[ $only == all ]]; then
    java -jar "$JAR" bench --profile "$profile" --run "$run" "${bench_keys[@]}" >&2
  fi
  local index
  index=$(java -jar "$JAR" report | tail -n 1)
  [[ -z ${run:-} ]] || echo "run folder: $run"
  [[ -z $bench_runs ]] || echo "bench runs: $bench_runs"
  echo "report:     $index"
}

check_prerequisites
case "${1:-}" in
  test)
    shift
    want_debian_package chromium "the report tests render pages in headless Chromium" \
      "those tests will be skipped"
    exec mvn -B verify "$@"
    ;;
  *)
    main_job "$@"
    ;;
esac
