#!/usr/bin/env bash
# podman (--runtime), containerd (ctr run --runc-binary) and dockerd (a "runtimes" entry) each run a
# busybox image with berth-runtime in place of runc. Everything lives under one temp dir: the image
# store, containerd's and dockerd's roots and sockets. Containers use --network none, so no bridge or
# firewall rule is made. The daemons started here are stopped by PID at the end.
# Usage: bench/interop.sh   (needs root; installs podman, containerd, docker.io from apt)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/common.sh"
need_root
install_deps
for p in podman containerd docker.io; do dpkg -s "$p" >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null; done
[ -x "$repo/out/berth-runtime" ] || publish_runtime
R="$repo/out/berth-runtime"
w=$(mktemp -d /tmp/berth-interop.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 2
  rm -rf "$w"
  for d in /sys/fs/cgroup/*/libpod_parent /sys/fs/cgroup/*/default /sys/fs/cgroup/*/docker; do
    [ -d "$d" ] && find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null
  done
  true
}
trap cleanup EXIT
cat > "$w/containers.conf" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000","nproc=32768:32768"]
[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
export CONTAINERS_CONF="$w/containers.conf"
P="podman --root $w/podman/root --runroot $w/podman/run --storage-driver vfs"
bash "$repo/scripts/make-busybox-rootfs.sh" "$w/rootfs"
tar -C "$w/rootfs" -cf "$w/rootfs.tar" .
$P import -q "$w/rootfs.tar" localhost/berth-bb:latest >/dev/null
$P save -q --format oci-archive -o "$w/oci.tar" localhost/berth-bb:latest
$P save -q --format docker-archive -o "$w/docker.tar" localhost/berth-bb:latest
ok=0; bad=0
check() { # name expected command...
  local name=$1 want=$2; shift 2
  local got; got=$(timeout 60 "$@" 2>&1 | tr -d '\r') || true
  if [ "$got" = "$want" ]; then echo "ok   $name"; ok=$((ok+1)); else echo "FAIL $name: got '$got'"; bad=$((bad+1)); fi
}
check "podman run" "hi" $P run --rm --runtime "$R" --network none localhost/berth-bb echo hi
check "podman run -t (console socket)" "/dev/pts/0" script -qec "$P run --rm -t --runtime $R --network none localhost/berth-bb tty" /dev/null
check "podman exit code" "7" sh -c "$P run --rm --runtime $R --network none localhost/berth-bb sh -c 'exit 7'; echo \$?"
id=$($P run -d --runtime "$R" --network none localhost/berth-bb sleep 300)
check "podman stop + rm" "" sh -c "$P stop -t 1 $id >/dev/null 2>&1 && $P rm $id >/dev/null"

cat > "$w/containerd.toml" <<CONF
version = 2
root = "$w/containerd/root"
state = "$w/containerd/state"
[grpc]
  address = "$w/containerd.sock"
CONF
containerd --config "$w/containerd.toml" >"$w/containerd.log" 2>&1 & pids+=($!)
C="ctr --address $w/containerd.sock"
for _ in $(seq 50); do [ -S "$w/containerd.sock" ] && break; sleep 0.1; done
$C image import --base-name localhost/berth-bb "$w/oci.tar" >/dev/null
check "ctr run --runc-binary" "hi" $C run --rm --runc-binary "$R" localhost/berth-bb:latest berth-interop-1 echo hi
check "ctr run -t exit code" "5" sh -c "script -qec \"$C run --rm -t --runc-binary $R localhost/berth-bb:latest berth-interop-2 sh -c 'exit 5'\" /dev/null >/dev/null; echo \$?"

cat > "$w/daemon.json" <<CONF
{ "runtimes": { "berth": { "path": "$R" } }, "bridge": "none", "iptables": false, "ip6tables": false, "storage-driver": "vfs" }
CONF
dockerd --config-file "$w/daemon.json" --data-root "$w/docker/data" --exec-root "$w/docker/exec" --pidfile "$w/docker.pid" \
  -H "unix://$w/docker.sock" --containerd "$w/containerd.sock" >"$w/dockerd.log" 2>&1 & pids=($! "${pids[@]}")
D="docker -H unix://$w/docker.sock"
for _ in $(seq 100); do $D info >/dev/null 2>&1 && break; sleep 0.1; done
$D load -q -i "$w/docker.tar" >/dev/null
check "docker run --runtime berth" "hi" $D run --rm --runtime berth --network none localhost/berth-bb echo hi
echo "$ok passed, $bad failed"
[ "$bad" -eq 0 ]
