#!/usr/bin/env bash
# `run` of a /bin/true bundle: berth-runtime against crun and runc, in one hyperfine run, with ratios.
#
# crun 1.8.1 refuses this hybrid cgroup host ("cgroups in hybrid mode not supported"), so every runtime
# runs inside the same wrapper: a private mount namespace with /sys/fs/cgroup/unified unmounted. Same
# wrapper, same bundle, same work for all three. berth-runtime is also timed on the host as it is.
# Usage: bench/run-true.sh [runs]   (needs root; installs hyperfine, crun, runc)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/common.sh"
need_root
install_deps
for p in hyperfine crun runc; do dpkg -s "$p" >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null; done
[ -x "$repo/out/berth-runtime" ] || publish_runtime
runs=${1:-100}
work=$(mktemp -d /tmp/berth-bench.XXXXXX)
trap 'rm -rf "$work"; for d in /sys/fs/cgroup/*/berth-bench /sys/fs/cgroup/berth-bench; do [ -d "$d" ] && find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null; done; true' EXIT
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
wrap() { echo "unshare -m --propagation private sh -c 'umount /sys/fs/cgroup/unified 2>/dev/null; exec $1'"; }
berth="$repo/out/berth-runtime --root $work/berth/state run --bundle $work/berth/bundle bench-berth"
runc="runc --root $work/runc/state run --bundle $work/runc/bundle bench-runc"
crun="crun --root $work/crun/state run --bundle $work/crun/bundle bench-crun"
hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/result.json" \
  -n berth-runtime "$(wrap "$berth")" -n crun "$(wrap "$crun")" -n runc "$(wrap "$runc")" \
  -n "berth-runtime (host as it is)" "$berth"
jq -r '.results as $r | ($r[] | select(.command=="crun") | .mean) as $crun | ($r[] | select(.command=="runc") | .mean) as $runc |
  $r[] | "\(.command): mean \(.mean*1000 | .*100 | round / 100) ms, \(.mean/$crun | .*100 | round / 100)x crun, \(.mean/$runc | .*100 | round / 100)x runc"' "$work/result.json"
