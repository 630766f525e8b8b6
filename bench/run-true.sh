#!/usr/bin/env bash
# `run` of a /bin/true bundle: berth-runtime against crun and runc, in one hyperfine run, with ratios.
#
# crun 1.8.1 refuses this hybrid cgroup host ("cgroups in hybrid mode not supported"), so every runtime
# runs in the same two views of the host (bench/lib/views.sh: a pure-v1 and a pure-v2 mount namespace,
# entered with nsenter). Same views, same bundle, same work for all three. berth-runtime is also timed on
# the host as it is.
# Usage: bench/run-true.sh [runs]   (needs root; installs hyperfine, crun, runc)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/common.sh"
source "$(dirname "$0")/lib/views.sh"
need_root
install_deps
for p in hyperfine crun runc; do dpkg -s "$p" >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null; done
[ -x "$repo/out/berth-runtime" ] || publish_runtime
runs=${1:-100}
work=$(mktemp -d /tmp/berth-bench.XXXXXX)
# Runtime state (--root) on tmpfs, as in each runtime's default (/run/runc, /run/crun, /run/berth-runtime):
# here /tmp is ext4 mounted with `discard`, where every unlink waits for the disk.
state=$(mktemp -d /run/berth-bench.XXXXXX)
views=$state/views
trap 'views_cleanup "$views"; rm -rf "$work" "$state"; for d in /sys/fs/cgroup/*/berth-bench /sys/fs/cgroup/berth-bench; do [ -d "$d" ] && find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null; done; true' EXIT
bash "$repo/scripts/make-busybox-rootfs.sh" "$work/bundle/rootfs" >/dev/null
"$repo/out/berth-runtime" spec --bundle "$work/bundle"
# The same config for all: /bin/true, no terminal, no device cgroup rules (not every runtime applies them yet).
jq '.ociVersion = "1.0.2" | .process.args = ["/bin/true"] | .process.terminal = false | del(.linux.resources)' \
  "$work/bundle/config.json" > "$work/config.json" && mv "$work/config.json" "$work/bundle/config.json"
for rt in berth runc crun; do
  mkdir -p "$work/$rt"
  cp -a "$work/bundle" "$work/$rt/bundle"
  jq --arg cg "/berth-bench/$rt" '.linux.cgroupsPath = $cg' "$work/$rt/bundle/config.json" > "$work/c.json" && mv "$work/c.json" "$work/$rt/bundle/config.json"
done
views_setup "$views"
berth="$repo/out/berth-runtime --root $state/berth run --bundle $work/berth/bundle bench-berth"
runc="runc --root $state/runc run --bundle $work/runc/bundle bench-runc"
crun="crun --root $state/crun run --bundle $work/crun/bundle bench-crun"
hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/result.json" \
  -n "berth-runtime v1" "$(view v1 "$berth")" -n "crun v1" "$(view v1 "$crun")" -n "runc v1" "$(view v1 "$runc")" \
  -n "berth-runtime v2" "$(view v2 "$berth")" -n "crun v2" "$(view v2 "$crun")" -n "runc v2" "$(view v2 "$runc")" \
  -n "berth-runtime hybrid (host as it is)" "$berth"
echo
echo "Ratios (mean time; lower is faster), per view:"
jq -r '.results as $r | ["v1","v2"][] as $v |
  ($r[] | select(.command=="crun "+$v) | .mean) as $crun | ($r[] | select(.command=="runc "+$v) | .mean) as $runc |
  ($r[] | select(.command=="berth-runtime "+$v) | .mean) as $b |
  "  \($v): berth-runtime \($b/$crun*100|round/100)x crun, \($b/$runc*100|round/100)x runc  (crun \($crun/$runc*100|round/100)x runc)"' "$work/result.json"
