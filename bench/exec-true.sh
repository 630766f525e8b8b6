#!/usr/bin/env bash
# `exec ID /bin/true` into a running container: berth-runtime against crun and runc, in one hyperfine run.
#
# Like bench/run-true.sh, every runtime runs in the same two views of the host (bench/lib/views.sh: a
# pure-v1 and a pure-v2 mount namespace, entered with nsenter), because crun 1.8.1 refuses this hybrid
# host. One container per runtime and view runs `sleep`; hyperfine times exec of /bin/true into it.
# Usage: bench/exec-true.sh [runs]   (needs root; installs hyperfine, crun, runc)
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
declare -A bin=([berth]="$repo/out/berth-runtime" [runc]=runc [crun]=crun)
views=$state/views
cleanup() {
  for rt in berth runc crun; do for view in v1 v2; do
    $(view $view "${bin[$rt]} --root $state/$rt-$view delete --force bench-$rt-$view") >/dev/null 2>&1 || true
  done; done
  views_cleanup "$views"
  rm -rf "$work" "$state"
  for d in /sys/fs/cgroup/*/berth-bench /sys/fs/cgroup/berth-bench; do [ -d "$d" ] && find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null; done
  true
}
trap cleanup EXIT
views_setup "$views"
bash "$repo/scripts/make-busybox-rootfs.sh" "$work/rootfs" >/dev/null
"$repo/out/berth-runtime" spec --bundle "$work"
jq '.ociVersion = "1.0.2" | .process.args = ["sleep", "3600"] | .process.terminal = false | del(.linux.resources)' \
  "$work/config.json" > "$work/c.json"
args=()
for view in v1 v2; do
  for rt in berth crun runc; do
    dir="$work/$rt-$view"
    mkdir -p "$dir/bundle"
    jq --arg root "$work/rootfs" ".root.path = \$root" "$work/c.json" > "$work/c2.json"
    jq --arg cg "/berth-bench/$rt-$view" '.linux.cgroupsPath = $cg' "$work/c2.json" > "$dir/bundle/config.json"
    $(view $view "${bin[$rt]} --root $state/$rt-$view run --detach --bundle $dir/bundle bench-$rt-$view") </dev/null >/dev/null
    args+=(-n "$rt $view" "$(view $view "${bin[$rt]} --root $state/$rt-$view exec bench-$rt-$view /bin/true")")
  done
done
hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/result.json" "${args[@]}"
echo
echo "Ratios (mean time; lower is faster), per view:"
jq -r '.results as $r | ["v1","v2"][] as $v |
  ($r[] | select(.command=="crun "+$v) | .mean) as $crun | ($r[] | select(.command=="runc "+$v) | .mean) as $runc |
  ($r[] | select(.command=="berth "+$v) | .mean) as $b |
  "  exec \($v): berth-runtime \($b/$crun*100|round/100)x crun, \($b/$runc*100|round/100)x runc  (crun \($crun/$runc*100|round/100)x runc)"' "$work/result.json"
