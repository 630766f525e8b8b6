# Cgroup views for the runtime benches (run-true.sh, exec-true.sh); source it after scripts/lib/common.sh.
#
# crun 1.8.1 refuses this hybrid host ("cgroups in hybrid mode not supported"), so every runtime is timed
# in the same two views of the host, each a mount namespace made once and kept by a bind mount:
#   v1: /sys/fs/cgroup/unified unmounted: the v1 controllers only;
#   v2: /sys/fs/cgroup replaced by one cgroup2 mount, as on most hosts today (the controllers stay bound to
#       v1 here, so this cgroup2 has none: every runtime only makes directories and moves a process there).
# `view v1 CMD` prints the command that runs CMD in the v1 view: nsenter into the kept namespace.
#
# The namespaces are made once, not per run (`unshare -m sh -c 'umount ...'` around each command), because
# unmounting waits for RCU grace periods: that cost, 2 to 20 ms depending on what ran before, is the
# wrapper's, not the runtime's, and it made the v2 figures swing by a third from run to run.
# views_setup DIR makes DIR/v1 and DIR/v2; views_cleanup DIR unmounts them (call it from the EXIT trap).

views_setup() {
  local dir=$1
  mkdir -p "$dir"
  # The namespace files are bind mounts; they must live on a private mount, or a copy of them would be
  # propagated into the namespaces themselves.
  mount --bind "$dir" "$dir"
  mount --make-private "$dir"
  touch "$dir/v1" "$dir/v2"
  unshare --mount="$dir/v1" --propagation private sh -c 'umount /sys/fs/cgroup/unified'
  unshare --mount="$dir/v2" --propagation private sh -c 'umount -R /sys/fs/cgroup && mount -t cgroup2 cgroup2 /sys/fs/cgroup'
}

views_cleanup() {
  local dir=$1
  [ -d "$dir" ] || return 0
  umount "$dir/v1" "$dir/v2" 2>/dev/null || true
  umount "$dir" 2>/dev/null || true
  rm -rf "$dir"
}

# view v1|v2 CMD...: the command line that runs CMD in that view.
view() {
  local v=$1
  shift
  echo "nsenter --mount=$views/$v $*"
}
