#!/usr/bin/env bash
# `berth run --rm IMAGE true` on berth's default bridge against `podman run --rm` on a podman bridge network
# without DNS (what podman's default network is), side by side in one hyperfine run, with the ratio (target:
# berth ≤ 0.5× podman). Both make a netns, a veth on the bridge and its rules, and tear them down; berth's
# network keeps its bridge and chains between containers (as docker's docker0), podman's netavark makes and
# removes them around each lone container (the warm-up runs make berth's bridge).
# Bridges and subnets are test-named (berth-test-bb0 on 10.213.250.0/24, berth-test-pb0 on 10.213.251.0/24);
# image, podman's isolation and cleanup: bench/lib/engines.sh.
# Usage: bench/net-run.sh [runs]   (needs root; installs hyperfine, podman)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/common.sh"
need_root
install_deps
source "$(dirname "$0")/lib/engines.sh"
runs=${1:-30}
engines_setup net-run
podman_network

berth="$repo/out/berth --root $work/berth run --rm $image true"
podman="podman --root $work/podman --runroot $work/podman-run --storage-driver overlay run --rm --network $podman_net $image true"
hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/result.json" -n berth "$berth" -n podman "$podman"
echo
engines_ratio "$work/result.json" "run --rm (bridge)"
