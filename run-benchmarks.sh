#!/usr/bin/env bash
# ftc-bench: the one entry point.
#   ./run-benchmarks.sh          check prerequisites, build if stale, run the main job
#   ./run-benchmarks.sh test     check prerequisites, build and run the whole test suite (mvn verify)
# Any further arguments are passed on (to Maven for `test`).
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

check_prerequisites
case "${1:-run}" in
  test)
    shift
    require_debian_package chromium "the report tests render pages in headless Chromium"
    exec mvn -B verify "$@"
    ;;
  run)
    build_if_stale
    java -jar "$JAR" env
    java -jar "$JAR" smoke
    ;;
  *)
    die "unknown command '$1': use './run-benchmarks.sh' or './run-benchmarks.sh test'"
    ;;
esac
