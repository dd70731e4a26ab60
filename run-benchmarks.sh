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
# --blas: bundled (default: jblas's OpenBLAS as the environment leaves it), bundled:CORE (force the
# OpenBLAS core type, e.g. bundled:Haswell), bundled:auto (let the bundled OpenBLAS detect the CPU),
# system (preload Debian's OpenBLAS, libopenblas0). Non-default choices must pass a self-check first.
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

# Like require_debian_package, but only warns when the package cannot be had: the tests that need
# it then say loudly that they were skipped.
want_debian_package() {
  local pkg=$1 why=$2
  have_debian_package "$pkg" && return 0
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "run-benchmarks.sh: installing $pkg ($why)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq "$pkg" >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1; apt-get install -y -qq "$pkg" >/dev/null 2>&1; } \
      || echo "run-benchmarks.sh: WARNING: could not install $pkg ($why): those tests will be skipped" >&2
  else
    echo "run-benchmarks.sh: WARNING: $pkg is missing ($why): run 'sudo apt-get install -y $pkg' or those tests will be skipped" >&2
  fi
}

check_prerequisites() {
  command -v java >/dev/null 2>&1 || die "java is missing: install a JDK 17 or newer (apt-get install -y openjdk-17-jdk)"
  command -v mvn >/dev/null 2>&1 || die "mvn is missing: install Maven (apt-get install -y maven)"
  local version
  version=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [[ ${version%%.*} -ge 17 ]] || die "java $version is too old: install a JDK 17 or newer and put it first on PATH"
  require_debian_package libgfortran5 "jblas's native BLAS links against libgfortran.so.5"
}

build_if_stale() {
  if [[ ! -f $JAR || pom.xml -nt $JAR || -n $(find src/main -newer "$JAR" -type f -print -quit) ]]; then
    echo "run-benchmarks.sh: building $JAR" >&2
    mvn -B -q package -DskipTests -Dspotless.check.skip=true
  fi
}

# Sets the environment of the JVMs started below for the chosen BLAS configuration, and checks
# that it computes what the default one does before anything is measured with it.
configure_blas() {
  local blas=$1
  case $blas in
    bundled) return 0 ;;
    bundled:auto) unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE ;;
    bundled:*)
      local core=${blas#bundled:}
      [[ $core =~ ^[A-Za-z0-9_]+$ ]] || die "--blas $blas: '$core' is not an OpenBLAS core name (e.g. Haswell, SkylakeX, Zen)"
      export OPENBLAS_CORETYPE=$core
      ;;
    system)
      local lib
      lib=$(ldconfig -p 2>/dev/null | awk '/libopenblas\.so\.0 / {print $NF; exit}')
      if [[ -z $lib ]]; then
        require_debian_package libopenblas0 "--blas system preloads the system OpenBLAS"
        lib=$(ldconfig -p 2>/dev/null | awk '/libopenblas\.so\.0 / {print $NF; exit}')
        [[ -n $lib ]] || die "--blas system: no libopenblas.so.0 found even after installing libopenblas0"
      fi
      # the system OpenBLAS is current: let it detect the CPU itself; one thread, like the bundled
      # one, so that parallel trainings do not fight over the cores
      unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
      export OPENBLAS_NUM_THREADS=1
      export LD_PRELOAD=$lib${LD_PRELOAD:+:$LD_PRELOAD}
      # with it preloaded, the JVM's small-stack process-reaper threads overflow when a child
      # process (JMH fork, BLAS probe, sweep worker) is started
      export JAVA_TOOL_OPTIONS="-Djdk.lang.processReaperUseDefaultStackSize=true${JAVA_TOOL_OPTIONS:+ $JAVA_TOOL_OPTIONS}"
      ;;
    *) die "unknown --blas '$blas': choose bundled, bundled:CORE (e.g. bundled:Haswell), bundled:auto or system" ;;
  esac
  local ref
  ref=$(mktemp)
  # the reference runs in the environment this script was started with
  env -i PATH="$PATH" HOME="$HOME" ${ORIG_CORETYPE:+OPENBLAS_CORETYPE=$ORIG_CORETYPE} \
    ${ORIG_L2:+OPENBLAS_L2_SIZE=$ORIG_L2} java -jar "$JAR" blas-check --write "$ref"
  if ! java -jar "$JAR" blas-check --against "$ref"; then
    rm -f "$ref"
    exit 2
  fi
  rm -f "$ref"
  if [[ $blas == bundled:* && $blas != bundled:auto ]]; then
    local picked
    picked=$(OPENBLAS_VERBOSE=2 java -jar "$JAR" blas-check --write /dev/null 2>&1 | awk '/^Core:/ {print $2; exit}')
    [[ ${picked,,} == "${OPENBLAS_CORETYPE,,}" ]] \
      || die "--blas $blas: the bundled OpenBLAS ran core '${picked:-unknown}', not '$OPENBLAS_CORETYPE': choose a core it knows (e.g. Haswell, SkylakeX, Zen, Barcelona)"
  fi
  echo "run-benchmarks.sh: BLAS configuration '$blas' passed the self-check" >&2
}

main_job() {
  local profile=quick blas=bundled machine=() sweep_keys=() bench_keys=() only=all
  local engine=local slurm=() nodes=()
  while [[ $# -gt 0 ]]; do
    case $1 in
      --profile) [[ $# -ge 2 ]] || die "--profile needs a name (quick, standard or full)"; profile=$2; shift 2 ;;
      --profile=*) profile=${1#*=}; shift ;;
      --blas) [[ $# -ge 2 ]] || die "--blas needs a configuration (bundled, bundled:CORE, bundled:auto, system)"; blas=$2; shift 2 ;;
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
  [[ -f benchmarks/profiles/$profile.properties ]] \
    || die "unknown profile '$profile': choose one of $(cd benchmarks/profiles && ls *.properties | sed 's/\.properties$//' | tr '\n' ' ')"
  build_if_stale
  ORIG_CORETYPE=${OPENBLAS_CORETYPE:-} ORIG_L2=${OPENBLAS_L2_SIZE:-}
  configure_blas "$blas"
  export FTC_BLAS=$blas
  local run
  if [[ $only != bench ]]; then
    # the sweep's summary lines go to the terminal too; its last line is the run folder
    run=$(java -jar "$JAR" sweep --profile "$profile" "${machine[@]}" "${slurm[@]}" "${sweep_keys[@]}" | tee /dev/stderr | tail -n 1)
    [[ -d $run ]] || die "the sweep did not report its run folder (got '$run')"
  fi
  local bench_runs=""
  if [[ $engine == slurm && $only != sweep ]]; then
    # one run folder per node, each under its own machine name
    bench_runs=$(java -jar "$JAR" bench --profile "$profile" "${slurm[@]}" "${nodes[@]}" "${bench_keys[@]}" | tee /dev/stderr | tr '\n' ' ')
  elif [[ $only == bench ]]; then
    run=$(java -jar "$JAR" bench --profile "$profile" "${machine[@]}" "${bench_keys[@]}" | tee /dev/stderr | tail -n 1)
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
    want_debian_package chromium "the report tests render pages in headless Chromium"
    exec mvn -B verify "$@"
    ;;
  *)
    main_job "$@"
    ;;
esac
