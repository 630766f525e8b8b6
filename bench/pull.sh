#!/usr/bin/env bash
# `berth pull` (download + verify + unpack every layer) against `podman pull` and `skopeo copy` + `umoci unpack`,
# of the same image from the same local registry, in one hyperfine run, with ratios; then the second pull of a
# present image (a manifest check only).
#
# The image is Debian bookworm minbase (tests/fixtures/make-debian-oci.sh, debootstrap from the apt mirror);
# when that cannot be built (no mirror), the busybox fixture is used instead and the script says so. It is
# served by Debian's docker-registry on 127.0.0.1:<free port> with its own config in a temp dir.
# Every tool starts from an empty store each run (hyperfine --prepare wipes it):
#   berth:  --root in a temp dir;
#   podman: --root/--runroot in temp dirs, overlay driver, CONTAINERS_CONF / CONTAINERS_STORAGE_CONF pointing
#           at temp files (runtime runc, fixed ulimits), so the host's podman configuration plays no part;
#   skopeo copy docker://... oci:DIR, then umoci unpack --image DIR BUNDLE.
# Usage: bench/pull.sh [runs]   (needs root; installs hyperfine, podman)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/common.sh"
need_root
install_deps
for p in hyperfine podman; do dpkg -s "$p" >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null; done
[ -x "$repo/out/berth" ] || publish_berth
runs=${1:-5}
work=$(mktemp -d /tmp/berth-bench-pull.XXXXXX)
registry_pid=
cleanup() {
  # "|| true": under set -e, a failing last command of an && list (wait reports the killed registry's
  # status) would end the cleanup before the rm below.
  [ -n "$registry_pid" ] && kill "$registry_pid" 2>/dev/null && wait "$registry_pid" 2>/dev/null || true
  # podman's overlay driver may leave its home bind-mounted on itself
  findmnt -rn -o TARGET | grep "^$work" | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- the image ---
image_name=debian
if bash "$repo/tests/fixtures/make-debian-oci.sh" "$work/oci" bookworm bench >"$work/fixture.log" 2>&1; then
  echo "image: Debian bookworm minbase (debootstrap), $(du -sh "$work/oci" | cut -f1) compressed"
else
  echo "NOTE: the Debian image could not be built (no Debian mirror?): $(tail -1 "$work/fixture.log")"
  echo "NOTE: falling back to the busybox fixture, which is much smaller: the figures are not the Debian ones"
  rm -rf "$work/oci"
  bash "$repo/tests/fixtures/make-busybox-oci.sh" "$work/oci" bench >/dev/null
  image_name=busybox
fi

# --- a local registry on 127.0.0.1 ---
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/registry"
cat > "$work/registry/config.yml" <<EOF
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $work/registry/data
http:
  addr: 127.0.0.1:$port
EOF
/usr/bin/docker-registry serve "$work/registry/config.yml" >"$work/registry/log" 2>&1 &
registry_pid=$!
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
ref="127.0.0.1:$port/bench/$image_name:bench"
skopeo copy -q --dest-tls-verify=false "oci:$work/oci:bench" "docker://$ref"
echo "registry: $ref"

# --- podman's isolated configuration ---
mkdir -p "$work/podman"
cat > "$work/podman/containers.conf" <<'EOF'
[containers]
default_ulimits = ["nofile=20000:20000","nproc=32768:32768"]
[engine]
runtime = "runc"
EOF
cat > "$work/podman/storage.conf" <<EOF
[storage]
driver = "overlay"
runroot = "$work/podman/run"
graphroot = "$work/podman/root"
EOF
export CONTAINERS_CONF=$work/podman/containers.conf CONTAINERS_STORAGE_CONF=$work/podman/storage.conf
podman_cmd="podman --root $work/podman/root --runroot $work/podman/run --storage-driver overlay"
# Each wipe ends with sync, so no run pays for the write-back of the previous run's deleted files.
wipe_podman="sh -c 'findmnt -rn -o TARGET | grep ^$work/podman | sort -r | xargs -r -n1 umount -l; rm -rf $work/podman/root $work/podman/run; sync'"
wipe_berth="sh -c 'rm -rf $work/berth; sync'"
wipe_umoci="sh -c 'rm -rf $work/umoci; sync'"

berth="$repo/out/berth --root $work/berth pull -q $ref"
podman="$podman_cmd pull -q --tls-verify=false $ref"
skopeo_umoci="sh -c 'mkdir -p $work/umoci && skopeo copy -q --src-tls-verify=false docker://$ref oci:$work/umoci/oci:bench && umoci unpack --image $work/umoci/oci:bench $work/umoci/bundle'"

echo
echo "== first pull: download, verify, unpack (fresh store each run) =="
hyperfine -N --runs "$runs" --export-json "$work/first.json" \
  -n "berth pull" --prepare "$wipe_berth" "$berth" \
  -n "podman pull" --prepare "$wipe_podman" "$podman" \
  -n "skopeo copy + umoci unpack" --prepare "$wipe_umoci" "$skopeo_umoci"

echo
echo "== second pull of the present image (a manifest check only) =="
$berth >/dev/null
$podman >/dev/null
hyperfine -N --warmup 3 --runs 30 --export-json "$work/second.json" \
  -n "berth pull (present)" "$berth" -n "podman pull (present)" "$podman"

echo
echo "Ratios (mean time; lower is faster; target berth <= 1.0x):"
jq -r '.results as $r | ($r[] | select(.command=="berth pull") | .mean) as $b |
  ($r[] | select(.command=="podman pull") | .mean) as $p | ($r[] | select(.command=="skopeo copy + umoci unpack") | .mean) as $u |
  "  first pull:  berth \($b*1000|round) ms = \($b/$p*100|round/100)x podman (\($p*1000|round) ms), \($b/$u*100|round/100)x skopeo+umoci (\($u*1000|round) ms)"' "$work/first.json"
jq -r '.results as $r | ($r[] | select(.command=="berth pull (present)") | .mean) as $b |
  ($r[] | select(.command=="podman pull (present)") | .mean) as $p |
  "  second pull: berth \($b*1000*10|round/10) ms (target < 50 ms) = \($b/$p*100|round/100)x podman (\($p*1000|round) ms)"' "$work/second.json"
