#!/usr/bin/env bash
# Scale: start containers detached (`berth run -d --network none IMAGE sleep 1000`) up to 25, 50 and 100, timing
# each batch and summing the monitors' memory (RSS, PSS and private from /proc/PID/smaps_rollup) at each point,
# with the size of the engine's state database;
# then remove them all (timed) and check that nothing leaked: no mount under the roots, no cgroup under the
# parent, no monitor or container process. Prints whether time and memory grew linearly (ms per container and
# PSS per monitor at 100 within 1.5x of those at 25). With --podman, the same with podman (runc, conmon) for
# comparison, in its own temp roots (the host's podman state is not touched).
# Usage: bench/engine-scale.sh [--podman] [max]   (needs root; max defaults to 100, steps are max/4, max/2, max)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/common.sh"
need_root
install_deps
podman=0
[ "${1:-}" = --podman ] && { podman=1; shift; }
max=${1:-100}
[ "$max" -ge 4 ] || { echo "engine-scale.sh: max must be at least 4 (steps are max/4, max/2, max)" >&2; exit 2; }
steps=("$((max / 4))" "$((max / 2))" "$max")
# Temp roots, the fixture image in a local registry pulled by both engines, podman isolated with runc and
# cgroupfs, and the cleanup: bench/lib/engines.sh, shared with the other engine benches.
source "$(dirname "$0")/lib/engines.sh"
engines_setup scale
berth() { berth_cmd "$@"; }

now_ms() { date +%s%3N; }
# mem_sum PID...: "RSS PSS private" in kB summed over the PIDs.
mem_sum() {
  local r=0 p=0 v=0 pid
  for pid in "$@"; do
    read -r a b c < <(awk '/^Rss:/{r=$2} /^Pss:/{p=$2} /^Private_Clean:/{c=$2} /^Private_Dirty:/{d=$2} END{print r, p, c+d}' "/proc/$pid/smaps_rollup")
    r=$((r + a)); p=$((p + b)); v=$((v + c))
  done
  echo "$r $p $v"
}
# db_kb FILE...: the engine's state database on disk in kB (with its WAL and shared-memory files).
db_kb() { local total=0 f; for f in "$@"; do if [ -f "$f" ]; then total=$((total + $(stat -c %s "$f"))); fi; done; echo $((total / 1024)); }
# pids_of NAME DIR: live processes called NAME whose command line mentions DIR.
pids_of() { local pid; for pid in $(pgrep -x "$1"); do grep -qa "$2" "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"; done; }

# scale ENGINE START_CMD MONITOR_NAME DB_GLOB: starts up to each step, prints a line per step; sets per_first/per_last, pss_first/pss_last.
scale() {
  local engine=$1 monitor=$3 started=0 total_ms=0 step t0 t1 n
  for step in "${steps[@]}"; do
    t0=$(now_ms)
    while [ "$started" -lt "$step" ]; do $2 >/dev/null; started=$((started + 1)); done
    t1=$(now_ms); total_ms=$((total_ms + t1 - t0))
    sleep 1 # memory of idle monitors: berth-monitor lets go of its start-up pages 200 ms after its container started
    mapfile -t mons < <(pids_of "$monitor" "$work")
    read -r rss pss priv < <(mem_sum "${mons[@]}")
    n=${#mons[@]}
    # shellcheck disable=SC2086 # $4 is a glob
    db=$(db_kb $4)
    printf '%-6s %3d containers: %6d ms total, %5.1f ms/container; %3d monitors: RSS %6d kB (%4d/monitor), PSS %6d kB (%4d/monitor), private %6d kB (%4d/monitor); database %5d kB\n' \
      "$engine" "$started" "$total_ms" "$(echo "$total_ms / $started" | bc -l)" "$n" "$rss" $((rss / n)) "$pss" $((pss / n)) "$priv" $((priv / n)) "$db"
    [ "$step" = "${steps[0]}" ] && { per_first=$(echo "$total_ms / $started" | bc -l); pss_first=$((pss / n)); }
    per_last=$(echo "$total_ms / $started" | bc -l); pss_last=$((pss / n))
  done
}
linear() {
  local t m
  t=$(echo "$per_last / $per_first" | bc -l); m=$(echo "$pss_last / $pss_first" | bc -l)
  printf '%s: time per container at %d vs %d: %.2fx; PSS per monitor: %.2fx -> %s\n' "$1" "$max" "${steps[0]}" "$t" "$m" \
    "$( (( $(echo "$t <= 1.5 && $m <= 1.5" | bc -l) )) && echo linear || echo NOT linear)"
}

scale berth "berth run -d --network none $image sleep 1000" berth-monitor "$work/berth/engine.db*"
linear berth
t0=$(now_ms)
berth rm -f $(berth ps -aq --no-trunc) >/dev/null
echo "berth  removed $max containers in $(( $(now_ms) - t0 )) ms"
leaks=0
sleep 0.5
[ -z "$(findmnt -rn -o TARGET | grep "^$work/berth" || true)" ] || { echo "LEAK: mounts"; findmnt -rn -o TARGET | grep "^$work/berth"; leaks=1; }
for d in /sys/fs/cgroup/"$cgparent" /sys/fs/cgroup/*/"$cgparent"; do
  [ -d "$d" ] && [ -n "$(find "$d" -mindepth 1 -type d)" ] && { echo "LEAK: cgroups under $d"; leaks=1; }
done
[ -z "$(pids_of berth-monitor "$work")" ] || { echo "LEAK: monitors $(pids_of berth-monitor "$work")"; leaks=1; }
[ -z "$(grep -l "$cgparent" /proc/[0-9]*/cgroup 2>/dev/null || true)" ] || { echo "LEAK: processes in $cgparent"; leaks=1; }
[ -z "$(ls -A "$work/berth/storage/containers" 2>/dev/null)" ] || { echo "LEAK: snapshots"; leaks=1; }
[ "$leaks" = 0 ] && echo "berth: no leaked mounts, cgroups, monitors, processes or snapshots"

if [ "$podman" = 1 ]; then
  scale podman "podman --root $work/podman --runroot $work/podman-run --storage-driver overlay run -d --network none $image sleep 1000" conmon "$work/podman/db.sql* $work/podman/libpod/bolt_state.db"
  linear podman
  t0=$(now_ms)
  podman_cmd rm -af -t 0 >/dev/null
  echo "podman removed $max containers in $(( $(now_ms) - t0 )) ms"
fi
exit "$leaks"
