#!/usr/bin/env bash
# The seeds' demo, done by berth-runtime: a shell in a container where `echo $$` prints 1, `ps` shows
# only the container, the hostname is the container's own, `ls /` is the busybox rootfs, a fork bomb
# stops at 20 processes, and only loopback exists. Interactive on a terminal; scripted otherwise.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
need_root
install_deps
publish_runtime
runtime="$repo/out/berth-runtime"
work=/tmp/berth-demo
id=berth-demo-$$
"$runtime" --root "$work/state" delete --force "$id" >/dev/null 2>&1 || true
rm -rf "$work" && mkdir -p "$work/bundle"
bash "$repo/scripts/make-busybox-rootfs.sh" "$work/bundle/rootfs"
"$runtime" spec --bundle "$work/bundle"
tty=false; [ -t 0 ] && [ -t 1 ] && tty=true
cat > "$work/bundle/rootfs/demo.sh" <<'DEMO'
echo "echo \$\$       -> $$"
echo "hostname      -> $(hostname)"
echo "ls /          -> $(ls / | tr '\n' ' ')"
echo "network       -> $(ls /sys/class/net)"
echo "ps:"; ps
echo "fork bomb: a shell forks sleepers until the kernel refuses (pids limit 20)"
sh -c 'while :; do sleep 30 & done' 2>/dev/null
read n < /sys/fs/cgroup/pids/pids.current 2>/dev/null || read n < /sys/fs/cgroup/pids.current
echo "  pids.max 20 reached, further forks failed; $n tasks left once the bomb gave up. The host is untouched."
kill -9 -1 2>/dev/null; echo "  bomb defused"
DEMO
if $tty; then args='["sh"]'; else args='["sh","/demo.sh"]'; fi
jq --argjson args "$args" --argjson tty "$tty" --arg cg "/berth-demo/$id" '
  .process.args = $args | .process.terminal = $tty | .hostname = "berth-demo" | .root.readonly = false |
  .process.env += ["PS1=berth-demo:\\w# "] |
  .linux.cgroupsPath = $cg | .linux.resources = {"pids": {"limit": 20}}' \
  "$work/bundle/config.json" > "$work/bundle/config.json.new"
mv "$work/bundle/config.json.new" "$work/bundle/config.json"
echo "host hostname: $(hostname)"
if $tty; then
  echo "Try: echo \$\$ ; ps ; hostname ; ls / ; ls /sys/class/net"
  echo "Fork bomb: sh -c 'while :; do sleep 30 & done'; read n < /sys/fs/cgroup/pids/pids.current; echo \$n; kill -9 -1"
  echo "(exit to leave)"
  echo "Add --trace after berth-runtime to see every kernel step."
fi
status=0
"$runtime" --root "$work/state" run --bundle "$work/bundle" "$id" || status=$?
echo "host hostname after: $(hostname) (unchanged); container exit status $status"
for d in /sys/fs/cgroup/*/berth-demo /sys/fs/cgroup/berth-demo; do [ -d "$d" ] && rmdir "$d" 2>/dev/null || true; done
rm -rf "$work"
