#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for trying `--engine slurm` and for the tests.
#   scripts/slurm-cluster.sh start [DIR]    install what is missing, start munged, slurmctld, slurmd;
#                                           prints `export SLURM_CONF=DIR/slurm.conf` on stdout
#   scripts/slurm-cluster.sh stop [DIR]     stop the three daemons by the PIDs in their pid files
#   scripts/slurm-cluster.sh status [DIR]   whether it runs, and sinfo's view of it
# DIR (default /tmp/ftc-slurm) holds everything: key, sockets, slurm.conf, state, logs, pid files.
# Use it as: eval "$(scripts/slurm-cluster.sh start)"; … ; scripts/slurm-cluster.sh stop
# Needs root: the daemons run as root, without systemd. Debian 12's packages slurmctld, slurmd,
# slurm-client and munge are installed with apt-get when missing. The node is this host (its short
# name, address 127.0.0.1) with every core and 90% of the memory, in partition `debug`; the
# controller and slurmd take two free TCP ports on localhost (6817/6818 or the next free pair).
# The Slurm behaviour this works around is in docs/cluster.md.
set -euo pipefail

die() {
  echo "slurm-cluster.sh: $*" >&2
  exit 2
}

PACKAGES=(slurmctld slurmd slurm-client munge)

install_missing() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  command -v apt-get >/dev/null 2>&1 \
    || die "${missing[*]} missing and this is not a Debian/Ubuntu system: install Slurm and munge with your package manager"
  [[ $(id -u) -eq 0 ]] || die "${missing[*]} missing: run 'sudo apt-get install -y --no-install-recommends ${missing[*]}' and try again"
  echo "slurm-cluster.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  # the packages' scripts try to start their services; without systemd that fails harmlessly
  if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || true
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || die "apt-get could not install ${missing[*]}: install them by hand and try again"
  fi
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Whether the process in pid file $1 is alive.
alive() {
  [[ -s $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null
}

start() {
  [[ $(id -u) -eq 0 ]] || die "the one-node cluster runs its daemons as root: run it as root (sudo)"
  install_missing
  mkdir -p "$DIR"/{state,spool,log,run}
  DIR=$(cd "$DIR" && pwd)
  if alive "$DIR/run/slurmctld.pid" && alive "$DIR/run/slurmd.pid" && alive "$DIR/run/munged.pid"; then
    echo "slurm-cluster.sh: already running in $DIR" >&2
    echo "export SLURM_CONF=$DIR/slurm.conf"
    return 0
  fi
  stop_daemons quiet
  # munged refuses a socket folder that others cannot enter: 755; the key 600
  chmod 755 "$DIR" "$DIR/run"
  [[ -s $DIR/munge.key ]] || mungekey --create --keyfile="$DIR/munge.key" >/dev/null
  chmod 600 "$DIR/munge.key"
  munged --force --key-file="$DIR/munge.key" --socket="$DIR/run/munge.socket.2" \
    --pid-file="$DIR/run/munged.pid" --log-file="$DIR/log/munged.log" \
    --seed-file="$DIR/run/munged.seed" \
    || die "munged did not start: see $DIR/log/munged.log"

  local ctld_port=6817
  while ! port_free "$ctld_port" || ! port_free $((ctld_port + 1)); do
    ctld_port=$((ctld_port + 2))
    [[ $ctld_port -lt 6917 ]] || die "no two free ports between 6817 and 6917 on localhost"
  done
  local cpus mem node
  cpus=$(nproc)
  # the node is named after this host, so jobs see the same host name as local runs do
  node=$(hostname -s)
  mem=$(awk '/^MemTotal:/ {printf "%d", $2 / 1024 * 0.9}' /proc/meminfo)
  cat >"$DIR/slurm.conf" <<EOF
# written by scripts/slurm-cluster.sh: a one-node cluster, everything under $DIR
ClusterName=ftc
SlurmctldHost=localhost
SlurmctldPort=$ctld_port
SlurmdPort=$((ctld_port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$DIR/run/munge.socket.2
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
# no cgroups on this kind of machine
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
# 1-CPU array tasks side by side
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
MailProg=/bin/true
ReturnToService=2
# a job whose dependency can never be met (a failed array task) is cancelled, not left pending
DependencyParameters=kill_invalid_depend
# scancel: SIGTERM, then SIGKILL after 5 s (default 30)
KillWait=5
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus Sockets=1 CoresPerSocket=$cpus ThreadsPerCore=1 RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
  export SLURM_CONF=$DIR/slurm.conf
  slurmctld -f "$SLURM_CONF" || die "slurmctld did not start: see $DIR/log/slurmctld.log"
  slurmd -f "$SLURM_CONF" -N "$node" || die "slurmd did not start: see $DIR/log/slurmd.log"
  local i state=""
  for i in $(seq 1 150); do
    state=$(sinfo -h -n "$node" -o %t 2>/dev/null || true)
    [[ $state == idle* ]] && break
    sleep 0.2
  done
  [[ $state == idle* ]] \
    || die "the node did not become idle within 30 s (state '${state:-none}'): see $DIR/log/slurmctld.log and slurmd.log"
  echo "slurm-cluster.sh: one-node cluster up in $DIR (node $node: $cpus CPUs, $mem MiB; ports $ctld_port/$((ctld_port + 1)))" >&2
  echo "export SLURM_CONF=$SLURM_CONF"
}

# Stops slurmd, slurmctld and munged by their pid files; waits for them to exit.
stop_daemons() {
  local quiet=${1:-} name pidfile pid i
  for name in slurmd slurmctld munged; do
    pidfile=$DIR/run/$name.pid
    alive "$pidfile" || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
    [[ -n $quiet ]] || echo "slurm-cluster.sh: stopped $name ($pid)" >&2
  done
}

status() {
  local name up=0
  for name in munged slurmctld slurmd; do
    if alive "$DIR/run/$name.pid"; then
      echo "$name: running ($(cat "$DIR/run/$name.pid"))"
      up=$((up + 1))
    else
      echo "$name: not running"
    fi
  done
  if [[ $up -eq 3 ]]; then
    SLURM_CONF=$DIR/slurm.conf sinfo
    echo "export SLURM_CONF=$DIR/slurm.conf"
  fi
  [[ $up -eq 3 ]]
}

cmd=${1:-}
DIR=${2:-/tmp/ftc-slurm}
case $cmd in
  start) start ;;
  stop) [[ ! -d $DIR ]] || stop_daemons ;;
  status) status ;;
  *) die "usage: scripts/slurm-cluster.sh start|stop|status [DIR] (default DIR: /tmp/ftc-slurm)" ;;
esac
