#!/usr/bin/env bash
# `berth run --rm --network none IMAGE true` against `podman run --rm --network none` of the same image,
# side by side in one hyperfine run, with the ratio. Also prints the RSS/PSS of one idle berth-monitor
# next to conmon's for a running container.
#
# The image is the busybox fixture, pushed to a local docker-registry on 127.0.0.1 and pulled by both.
# podman runs fully isolated: its own --root/--runroot in a temp dir, a temp CONTAINERS_CONF with
# runtime = "runc" and default_ulimits this host allows (root lacks CAP_SYS_RESOURCE, so podman's default
# nofile=1048576 cannot be set), cgroupfs manager and file events: the host's podman state is not touched.
# Usage: bench/engine-run.sh [runs]   (needs root; installs hyperfine, podman)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/common.sh"
need_root
install_deps
for p in hyperfine podman; do dpkg -s "$p" >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null; done
[ -x "$repo/out/berth-runtime" ] || publish_runtime
[ -x "$repo/out/berth" ] && [ -x "$repo/out/berth-monitor" ] || publish_berth
runs=${1:-50}
work=$(mktemp -d /tmp/berth-test-bench-engine.XXXXXX)
port=$((20000 + RANDOM % 20000))
cgparent=berth-test-bench-$$
cleanup() {
  [ -f "$work/registry.pid" ] && kill "$(cat "$work/registry.pid")" 2>/dev/null || true
  for id in $("$repo/out/berth" --root "$work/berth" ps -aq --no-trunc 2>/dev/null); do "$repo/out/berth" --root "$work/berth" rm -f "$id" >/dev/null 2>&1 || true; done
  podman_cmd rm -af >/dev/null 2>&1 || true
  podman_cmd system reset -f >/dev/null 2>&1 || true
  findmnt -rn -o TARGET | grep "^$work" | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  for d in /sys/fs/cgroup/*/"$cgparent" /sys/fs/cgroup/"$cgparent"; do [ -d "$d" ] && find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
export BERTH_RUNROOT=$work/berth-run BERTH_CGROUP_PARENT=$cgparent
cat > "$work/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
export CONTAINERS_CONF=$work/containers.conf
podman_cmd() { podman --root "$work/podman" --runroot "$work/podman-run" --storage-driver overlay "$@"; }

# The fixture image in a local registry.
bash "$repo/tests/fixtures/make-busybox-oci.sh" "$work/oci" latest >/dev/null
mkdir -p "$work/registry"
printf 'version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: %s/registry\nhttp:\n  addr: 127.0.0.1:%s\n' "$work" "$port" > "$work/registry.yml"
docker-registry serve "$work/registry.yml" >/dev/null 2>&1 & echo $! > "$work/registry.pid"
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
skopeo copy -q --dest-tls-verify=false "oci:$work/oci:latest" "docker://127.0.0.1:$port/bench/busybox:latest"
image=127.0.0.1:$port/bench/busybox:latest
"$repo/out/berth" --root "$work/berth" pull -q "$image" >/dev/null
podman_cmd pull -q --tls-verify=false "$image" >/dev/null

berth="$repo/out/berth --root $work/berth run --rm --network none $image true"
podman="podman --root $work/podman --runroot $work/podman-run --storage-driver overlay run --rm --network none $image true"
hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/result.json" -n berth "$berth" -n podman "$podman"
echo
jq -r '.results as $r | ($r[] | select(.command=="berth") | .mean) as $b | ($r[] | select(.command=="podman") | .mean) as $p |
  "berth run --rm: \($b*1000|round) ms, podman run --rm: \($p*1000|round) ms, ratio \($b/$p*100|round/100)x"' "$work/result.json"

# Memory of one idle monitor (berth-monitor) and of conmon, each for a sleeping container.
mem() { awk '/^Rss:/{r=$2} /^Pss:/{p=$2} /^Private_Clean:/{c=$2} /^Private_Dirty:/{d=$2} END{printf "RSS %d kB, PSS %d kB, private %d kB\n", r, p, c+d}' "/proc/$1/smaps_rollup"; }
"$repo/out/berth" --root "$work/berth" run -d --name berth-test-bench-sleep "$image" sleep 60 >/dev/null
bm=$(pgrep -n -x berth-monitor)
podman_cmd run -d --name berth-test-bench-sleep "$image" sleep 60 >/dev/null
cm=$(pgrep -n -x conmon)
echo "berth-monitor (pid $bm): $(mem "$bm")"
echo "conmon        (pid $cm): $(mem "$cm")"
