namespace Berth.Oci.Tests.Fixtures;

/// <summary>
/// A config.json as runc and containerd write them: `runc spec` output with a user namespace, hooks,
/// devices, resources, seccomp, sysctl and annotations added, plus a comment and a trailing comma.
/// </summary>
internal static class RuncConfig
{
    internal const string Json = """
        {
          // written by hand from `runc spec` and a containerd bundle
          "ociVersion": "1.0.2-dev",
          "process": {
            "terminal": false,
            "consoleSize": { "height": 24, "width": 80 },
            "user": { "uid": 1000, "gid": 1000, "umask": 18, "additionalGids": [5, 100] },
            "args": ["sh", "-c", "echo hello"],
            "env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"],
            "cwd": "/home/app",
            "capabilities": {
              "bounding": ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"],
              "effective": ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"],
              "permitted": ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"],
              "ambient": ["CAP_NET_BIND_SERVICE"]
            },
            "rlimits": [{ "type": "RLIMIT_NOFILE", "hard": 1024, "soft": 1024 }],
            "noNewPrivileges": true,
            "apparmorProfile": "docker-default",
            "oomScoreAdj": 100,
            "selinuxLabel": "system_u:system_r:container_t:s0:c1,c2",
            "ioPriority": { "class": "IOPRIO_CLASS_BE", "priority": 4 },
            "execCPUAffinity": { "initial": "0", "final": "0-3" }
          },
          "root": { "path": "rootfs", "readonly": true },
          "hostname": "runc",
          "domainname": "example.org",
          "mounts": [
            { "destination": "/proc", "type": "proc", "source": "proc" },
            { "destination": "/dev", "type": "tmpfs", "source": "tmpfs", "options": ["nosuid", "strictatime", "mode=755", "size=65536k"] },
            { "destination": "/dev/pts", "type": "devpts", "source": "devpts", "options": ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"] },
            { "destination": "/data", "type": "bind", "source": "/srv/data", "options": ["rbind", "rprivate", "ro"],
              "uidMappings": [{ "containerID": 0, "hostID": 100000, "size": 65536 }],
              "gidMappings": [{ "containerID": 0, "hostID": 100000, "size": 65536 }] },
          ],
          "hooks": {
            "createRuntime": [{ "path": "/usr/bin/netns-setup", "args": ["netns-setup", "--id", "x"], "env": ["A=1"], "timeout": 5 }],
            "poststop": [{ "path": "/usr/bin/cleanup" }]
          },
          "annotations": { "org.opencontainers.image.os": "linux" },
          "linux": {
            "uidMappings": [{ "containerID": 0, "hostID": 100000, "size": 65536 }],
            "gidMappings": [{ "containerID": 0, "hostID": 100000, "size": 65536 }],
            "sysctl": { "net.ipv4.ip_forward": "1" },
            "resources": {
              "devices": [{ "allow": false, "access": "rwm" }, { "allow": true, "type": "c", "major": 10, "minor": 229, "access": "rw" }],
              "memory": { "limit": 536870912, "swap": -1, "disableOOMKiller": false, "kernelTCP": -1 },
              "cpu": { "shares": 1024, "quota": 50000, "period": 100000, "cpus": "0-1", "idle": 0 },
              "pids": { "limit": 64 },
              "blockIO": { "weight": 10, "throttleReadIOPSDevice": [{ "major": 8, "minor": 0, "rate": 600 }] },
              "hugepageLimits": [{ "pageSize": "2MB", "limit": 209715200 }],
              "network": { "classID": 1048577, "priorities": [{ "name": "eth0", "priority": 500 }] },
              "rdma": { "mlx5_1": { "hcaHandles": 3, "hcaObjects": 10000 } },
              "unified": { "memory.high": "max" }
            },
            "cgroupsPath": "/default/abc",
            "namespaces": [
              { "type": "pid" }, { "type": "network", "path": "/var/run/netns/abc" }, { "type": "ipc" },
              { "type": "uts" }, { "type": "mount" }, { "type": "user" }, { "type": "cgroup" }
            ],
            "devices": [{ "path": "/dev/fuse", "type": "c", "major": 10, "minor": 229, "fileMode": 438, "uid": 0, "gid": 0 }],
            "seccomp": {
              "defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 1, "architectures": ["SCMP_ARCH_X86_64"],
              "flags": ["SECCOMP_FILTER_FLAG_LOG"],
              "syscalls": [{ "names": ["read", "write"], "action": "SCMP_ACT_ALLOW",
                             "args": [{ "index": 0, "value": 1, "valueTwo": 0, "op": "SCMP_CMP_EQ" }] }]
            },
            "rootfsPropagation": "rslave",
            "maskedPaths": ["/proc/kcore"],
            "readonlyPaths": ["/proc/sys"],
            "mountLabel": "system_u:object_r:container_file_t:s0:c1,c2",
            "intelRdt": { "closID": "guaranteed_group", "l3CacheSchema": "L3:0=7f0;1=1f", "enableCMT": true },
            "personality": { "domain": "LINUX" },
            "timeOffsets": { "monotonic": { "secs": 10, "nanosecs": 5 } },
            "netDevices": { "eth1": { "name": "ceth1" } }
          }
        }
        """;
}
