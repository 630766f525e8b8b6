# Shared by the berth-vs-podman benches (engine-run.sh, net-run.sh, net-throughput.sh); source it after
# scripts/lib/common.sh. engines_setup NAME makes:
#   $work            a temp dir (removed on exit, with everything below)
#   $image           the busybox fixture, pushed to a local docker-registry on 127.0.0.1 and pulled by both
#   berth_cmd ARGS   berth with its own --root, BERTH_RUNROOT and cgroup parent under $work
#   podman_cmd ARGS  podman fully isolated: its own --root/--runroot, a temp CONTAINERS_CONF with runtime =
#                    "runc" and default_ulimits this host allows (root lacks CAP_SYS_RESOURCE, so podman's
#                    default nofile=1048576 cannot be set), cgroupfs manager, file events, and its network
#                    config dir under $work: the host's podman state is not touched.
# Both engines' default bridges are test-named and on test subnets: berth's through BERTH_DEFAULT_BRIDGE/SUBNET
# (berth-test-bb0, 10.213.250.0/24), podman's as a network made here (bridge berth-test-pb0, 10.213.251.0/24,
# no DNS, like podman's own default network) that net benches pass with --network $podman_net.
# engines_cleanup (the EXIT trap) removes every container of both, the networks, mounts, cgroups and $work.

engines_setup() {
  local name=$1
  for p in hyperfine podman jq; do dpkg -s "$p" >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null; done
  [ -x "$repo/out/berth-runtime" ] || publish_runtime
  [ -x "$repo/out/berth" ] && [ -x "$repo/out/berth-monitor" ] || publish_berth
  work=$(mktemp -d "/tmp/berth-test-bench-$name.XXXXXX")
  cgparent=berth-test-bench-$$
  port=$((20000 + RANDOM % 20000))
  trap engines_cleanup EXIT
  export BERTH_RUNROOT=$work/berth-run BERTH_CGROUP_PARENT=$cgparent BERTH_NETWORK_CLAIMS=$work/claims
  export BERTH_DEFAULT_BRIDGE=berth-test-bb0 BERTH_DEFAULT_SUBNET=10.213.250.0/24
  mkdir -p "$work/podman-networks"
  cat > "$work/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
[network]
network_config_dir = "$work/podman-networks"
CONF
  export CONTAINERS_CONF=$work/containers.conf
  podman_net=berth-test-pnet

  bash "$repo/tests/fixtures/make-busybox-oci.sh" "$work/oci" latest >/dev/null
  mkdir -p "$work/registry"
  printf 'version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: %s/registry\nhttp:\n  addr: 127.0.0.1:%s\n' "$work" "$port" > "$work/registry.yml"
  docker-registry serve "$work/registry.yml" >/dev/null 2>&1 & echo $! > "$work/registry.pid"
  for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
  skopeo copy -q --dest-tls-verify=false "oci:$work/oci:latest" "docker://127.0.0.1:$port/bench/busybox:latest"
  image=127.0.0.1:$port/bench/busybox:latest
  berth_cmd pull -q "$image" >/dev/null
  podman_cmd pull -q --tls-verify=false "$image" >/dev/null
}

berth_cmd() { "$repo/out/berth" --root "$work/berth" "$@"; }
podman_cmd() { podman --root "$work/podman" --runroot "$work/podman-run" --storage-driver overlay "$@"; }

# podman's bench network (made on demand by the net benches): podman 4.3 has no --interface-name, so its
# config file is written into the isolated network_config_dir, in podman's own format.
podman_network() {
  cat > "$work/podman-networks/$podman_net.json" <<JSON
{ "name": "$podman_net", "id": "$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')", "driver": "bridge",
  "network_interface": "berth-test-pb0", "created": "$(date -u +%Y-%m-%dT%H:%M:%S.000000000Z)",
  "subnets": [ { "subnet": "10.213.251.0/24", "gateway": "10.213.251.1" } ],
  "ipv6_enabled": false, "internal": false, "dns_enabled": false, "ipam_options": { "driver": "host-local" } }
JSON
  podman_cmd network inspect "$podman_net" >/dev/null
}

engines_cleanup() {
  [ -f "$work/registry.pid" ] && kill "$(cat "$work/registry.pid")" 2>/dev/null || true
  for id in $(berth_cmd ps -aq --no-trunc 2>/dev/null); do berth_cmd rm -f "$id" >/dev/null 2>&1 || true; done
  podman_cmd rm -af >/dev/null 2>&1 || true
  podman_cmd network rm -f "$podman_net" >/dev/null 2>&1 || true
  podman_cmd system reset -f >/dev/null 2>&1 || true
  # last: also removes netavark's base chains, which podman leaves, once no netavark network is up
  berth_cmd network prune -f >/dev/null 2>&1 || true
  for br in berth-test-bb0 berth-test-pb0; do [ -d "/sys/class/net/$br" ] && ip link delete "$br" type bridge 2>/dev/null; done
  findmnt -rn -o TARGET | grep "^$work" | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  for d in /sys/fs/cgroup/*/"$cgparent" /sys/fs/cgroup/"$cgparent"; do [ -d "$d" ] && find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null; done
  rm -rf "$work"
  true
}

# "NAME: X ms, NAME2: Y ms, ratio Z×" from a hyperfine JSON with commands named berth and podman.
engines_ratio() {
  jq -r --arg what "$2" '.results as $r | ($r[] | select(.command=="berth") | .mean) as $b | ($r[] | select(.command=="podman") | .mean) as $p |
    "berth \($what): \($b*1000|round) ms, podman \($what): \($p*1000|round) ms, ratio \($b/$p*100|round/100)x"' "$1"
}
