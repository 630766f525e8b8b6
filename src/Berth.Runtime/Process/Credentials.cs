using System.Globalization;
using Berth.Oci.Linux;
using Berth.Oci.Spec;
using Berth.Runtime.Capabilities;
using Berth.Runtime.Interop;
using Berth.Runtime.Tracing;

namespace Berth.Runtime.Process;

/// <summary>The process's identity and limits: rlimits, oom_score_adj, groups/gid/uid with capabilities, no_new_privs, umask.</summary>
internal static unsafe class Credentials
{
    private const int PR_SET_NO_NEW_PRIVS = 38;

    internal static void SetRlimits(IEnumerable<Rlimit>? rlimits)
    {
        foreach (var r in rlimits ?? [])
        {
            if (!RlimitNames.TryGetResource(r.Type, out int resource))
            {
                throw new Oci.InvalidSpecException($"process.rlimits: unknown type '{r.Type}'");
            }
            Trace.Step($"setrlimit {r.Type} soft={r.Soft} hard={r.Hard}");
            var limit = new RLimit { Cur = r.Soft, Max = r.Hard };
            if (Libc.prlimit(0, resource, &limit, null) < 0)
            {
                var e = Sys.Error($"setrlimit {r.Type} to soft={r.Soft} hard={r.Hard}");
                throw new Oci.BerthException(e.Message + (e.Errno == 1 ? " (raising a hard limit needs CAP_SYS_RESOURCE)" : ""));
            }
        }
    }

    internal static void SetOomScoreAdj(int? value)
    {
        if (value is null) return;
        Trace.Step($"write {value} to /proc/self/oom_score_adj");
        File.WriteAllText("/proc/self/oom_score_adj", value.Value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Bounding set, then groups/gid/uid keeping capabilities, then the thread sets and ambient.</summary>
    internal static void SetUserAndCapabilities(User user, Oci.Spec.Capabilities? caps, bool noNewPrivileges)
    {
        var set = CapabilitySet.FromSpec(caps);
        CapabilityApplier.DropBounding(set);
        CapabilityApplier.KeepCapsAcrossSetuid(true);
        SetIds(user);
        CapabilityApplier.KeepCapsAcrossSetuid(false);
        CapabilityApplier.SetThreadSets(set);
        CapabilityApplier.SetAmbient(set);
        if (noNewPrivileges)
        {
            Trace.Step("prctl PR_SET_NO_NEW_PRIVS: execve can never grant more privileges");
            Sys.Prctl(PR_SET_NO_NEW_PRIVS, 1, "prctl PR_SET_NO_NEW_PRIVS");
        }
        if (user.Umask is uint umask)
        {
            Trace.Step($"umask {Convert.ToString(umask, 8)}");
            Libc.umask(umask);
        }
    }

    private static bool SetgroupsDenied()
    {
        try
        {
            return File.ReadAllText("/proc/self/setgroups").Trim() == "deny";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void SetIds(User user)
    {
        uint[] groups = (user.AdditionalGids ?? []).ToArray();
        if (SetgroupsDenied())
        {
            // A rootless user namespace with only the user's own gid mapped: setgroups(2) is off (user_namespaces(7)).
            if (groups.Length > 0)
            {
                throw new Oci.BerthException("process.user.additionalGids: setgroups is denied in this user namespace " +
                    "(rootless with a single gid mapping); map a subordinate gid range (newgidmap) or drop additionalGids");
            }
            Trace.Step($"setgroups skipped (denied in this user namespace), setresgid {user.Gid}, setresuid {user.Uid}");
        }
        else
        {
            Trace.Step($"setgroups [{string.Join(',', groups)}], setresgid {user.Gid}, setresuid {user.Uid}");
            fixed (uint* g = groups)
            {
                Sys.Check((int)Libc.syscall(SyscallNumbers.Setgroups, groups.Length, (long)g, 0, 0, 0), "setgroups");
            }
        }
        // Raw syscalls, for this thread only: glibc's setxid wrappers stop every thread of the process with a
        // signal to change them all (several ms for a .NET process). This thread is the one that calls execve,
        // and the others end with it; hooks run after this are forked from this thread too.
        Sys.Check((int)Libc.syscall(SyscallNumbers.Setresgid, user.Gid, user.Gid, user.Gid, 0, 0), $"setresgid {user.Gid}");
        Sys.Check((int)Libc.syscall(SyscallNumbers.Setresuid, user.Uid, user.Uid, user.Uid, 0, 0), $"setresuid {user.Uid}");
    }
}
