#!/usr/bin/env bash
# `berth run --rm --network none IMAGE true` against `podman run --rm --network none` of the same image,
# side by side in one hyperfine run, with the ratio. Also prints the RSS/PSS of one idle berth-monitor
# next to conmon's for a running container.
#
# The image, podman's isolation and the cleanup: bench/lib/engines.sh.
# Usage: bench/engine-run.sh [runs]   (needs root; installs hyperfine, podman)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/common.sh"
need_root
install_deps
source "$(dirname "$0")/lib/engines.sh"
runs=${1:-50}
engines_setup engine

berth="$repo/out/berth --root $work/berth run --rm --network none $image true"
podman="podman --root $work/podman --runroot $work/podman-run --storage-driver overlay run --rm --network none $image true"
hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/result.json" -n berth "$berth" -n podman "$podman"
echo
engines_ratio "$work/result.json" "run --rm"

# Memory of one idle monitor (berth-monitor) and of conmon, each for a sleeping container, a second after
# both started (berth-monitor lets go of its start-up pages 200 ms after its container started: StartupPages).
# "anonymous" is what each further container adds; file-backed pages (libc, the binary) are shared.
mem() { awk '/^Rss:/{r=$2} /^Pss:/{p=$2} /^Private_Clean:/{c=$2} /^Private_Dirty:/{d=$2} /^Anonymous:/{a=$2} END{printf "RSS %d kB, PSS %d kB, private %d kB, anonymous %d kB\n", r, p, c+d, a}' "/proc/$1/smaps_rollup"; }
berth_cmd run -d --network none --name berth-test-bench-sleep "$image" sleep 60 >/dev/null
bm=$(pgrep -n -x berth-monitor)
podman_cmd run -d --network none --name berth-test-bench-sleep "$image" sleep 60 >/dev/null
cm=$(pgrep -n -x conmon)
sleep 1
echo "berth-monitor (pid $bm): $(mem "$bm")"
echo "conmon        (pid $cm): $(mem "$cm")"
