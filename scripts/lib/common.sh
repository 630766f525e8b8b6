# Shared by the scripts: install apt packages once, publish berth-runtime (NativeAOT) to out/.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

need_root() {
  [ "$(id -u)" -eq 0 ] || { echo "$0: run as root (containers need it)" >&2; exit 1; }
}

# apt packages: busybox-static (the test rootfs), runc (the reference the conformance suite checks
# itself against), build tools and zlib for NativeAOT, jq for the demo's config edits, util-linux for setpriv;
# uidmap (newuidmap/newgidmap) and passwd (useradd) for the rootless tests; libseccomp2 (loaded by
# berth-runtime to compile linux.seccomp) and libseccomp-dev (its headers, for reference);
# for the image tests: docker-registry (a local registry on 127.0.0.1), skopeo and umoci (reference tools
# that push the fixture image), apache2-utils (htpasswd -B for Basic auth), openssl (token-auth keys),
# debootstrap (the Debian fixture image) and podman (loads berth's docker-archive in the save/load interop
# test); libsqlite3-0 (the engine's database, linked into berth) and libsqlite3-dev (the link-time library
# for NativeAOT); tini (its static tini-static is bound into containers as PID 1 by `berth run --init`, as
# docker's docker-init is tini; catatonit, podman's init, is used when tini-static is missing).
install_deps() {
  local pkgs=(busybox-static runc build-essential zlib1g-dev jq util-linux procps uidmap passwd
              libseccomp2 libseccomp-dev docker-registry skopeo umoci apache2-utils openssl debootstrap podman
              libsqlite3-0 libsqlite3-dev
              tini)
  local missing=()
  for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  command -v dotnet >/dev/null || { echo "$0: the .NET 10 SDK is needed (dotnet on PATH)" >&2; exit 1; }
}

publish_runtime() {
  echo "publishing berth-runtime (NativeAOT) to $repo/out/"
  local log; log=$(mktemp)
  dotnet publish "$repo/src/berth-runtime/berth-runtime.csproj" -c Release -o "$repo/out" --nologo -v quiet \
    -p:TreatWarningsAsErrors=true >"$log" 2>&1 || { cat "$log"; rm -f "$log"; exit 1; }
  rm -f "$log" "$repo/out/"*.pdb
  rm -f "$repo/out/"*.dbg
}

# berth and its per-container monitor (berth-monitor, found next to berth at run time).
publish_berth() {
  echo "publishing berth and berth-monitor (NativeAOT) to $repo/out/"
  local log; log=$(mktemp)
  local proj
  for proj in berth/berth.csproj berth-monitor/berth-monitor.csproj; do
    dotnet publish "$repo/src/$proj" -c Release -o "$repo/out" --nologo -v quiet \
      -p:TreatWarningsAsErrors=true >"$log" 2>&1 || { cat "$log"; rm -f "$log"; exit 1; }
  done
  rm -f "$log" "$repo/out/"*.pdb
  rm -f "$repo/out/"*.dbg
}
