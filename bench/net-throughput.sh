#!/usr/bin/env bash
# TCP throughput between two containers on one bridge, berth vs podman (target: within 10%). Each engine runs
# two sleeping containers on its bridge (berth's default network, podman's bench network: bench/lib/engines.sh);
# iperf3 (from apt, on the host) runs inside the containers' network namespaces (nsenter --net=SandboxKey), so
# the path measured is exactly the containers': veth → bridge → veth, with each engine's iptables rules.
# Usage: bench/net-throughput.sh [seconds] [rounds]   (needs root; installs iperf3, hyperfine, podman)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/common.sh"
need_root
install_deps
source "$(dirname "$0")/lib/engines.sh"
seconds=${1:-5}
rounds=${2:-5}
dpkg -s iperf3 >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq iperf3 >/dev/null
engines_setup tput  # podman refuses a --runroot longer than 50 characters
podman_network

# throughput ENGINE_CMD NETWORK_FLAG...: Gbit/s from client to server, both in containers of ENGINE.
throughput() {
  local engine=$1; shift
  $engine run -d --name berth-test-bench-srv "$@" "$image" sleep 600 >/dev/null
  $engine run -d --name berth-test-bench-cli "$@" "$image" sleep 600 >/dev/null
  local srv_ns cli_ns ip
  srv_ns=$($engine inspect berth-test-bench-srv | jq -r '.[0].NetworkSettings.SandboxKey')
  cli_ns=$($engine inspect berth-test-bench-cli | jq -r '.[0].NetworkSettings.SandboxKey')
  ip=$($engine inspect berth-test-bench-srv | jq -r '.[0].NetworkSettings.Networks[].IPAddress')
  nsenter --net="$srv_ns" iperf3 -s -p 5201 >/dev/null 2>&1 &
  local server=$!
  for _ in $(seq 50); do nsenter --net="$srv_ns" ss -ltn | grep -q ':5201 ' && break; sleep 0.1; done
  nsenter --net="$cli_ns" iperf3 -c "$ip" -p 5201 -t "$seconds" -J | jq '.end.sum_received.bits_per_second / 1e9'
  kill "$server"; wait "$server" 2>/dev/null || true
  local now=(); [ "$engine" = podman_cmd ] && now=(-t 0)   # podman's rm -f first waits 10 s for SIGTERM
  $engine rm -f "${now[@]}" berth-test-bench-srv berth-test-bench-cli >/dev/null
}

# One iperf3 run swings by ±15% here (a shared 2-core host): the engines take turns, and the medians are compared.
bs=() ps=()
for _ in $(seq "$rounds"); do
  bs+=("$(throughput berth_cmd)")
  ps+=("$(throughput podman_cmd --network "$podman_net")")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "berth runs (Gbit/s): ${bs[*]}"
echo "podman runs (Gbit/s): ${ps[*]}"
awk -v b="$(median "${bs[@]}")" -v p="$(median "${ps[@]}")" 'BEGIN { printf "berth: %.2f Gbit/s, podman: %.2f Gbit/s (medians), ratio %.2fx\n", b, p, b / p }'
