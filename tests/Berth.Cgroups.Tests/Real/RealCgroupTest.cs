using System.Globalization;

namespace Berth.Cgroups.Tests.Real;

/// <summary>
/// Base of the root-only tests: every cgroup lives under a unique "/berth-test-&lt;random&gt;" which Dispose removes
/// in every hierarchy (children first), so a failed assertion never leaves cgroups behind.
/// </summary>
public abstract class RealCgroupTest : IDisposable
{
    protected RealCgroupTest()
    {
        Name = "/berth-test-" + Guid.NewGuid().ToString("N")[..12];
        Host = CgroupHost.Detect();
    }

    protected string Name { get; }

    protected CgroupHost Host { get; }

    protected List<string> Trace { get; } = [];

    /// <summary>The host the manager under test runs against (the real one unless overridden).</summary>
    protected virtual CgroupHost ManagedHost => Host;

    protected ICgroupManager Manager(string child = "/c1") =>
        CgroupManagerFactory.Create(ManagedHost, CgroupsPathFor(child), "unused", Trace.Add);

    /// <summary>linux.cgroupsPath for a cgroup below the test's own one: "/berth-test-…/c1" under the host's roots.</summary>
    protected virtual string CgroupsPathFor(string child) => Name + child;

    protected static string ReadValue(string directory, string file) => File.ReadAllText(Path.Join(directory, file)).Trim();

    protected static bool ListsPid(string directory, int pid) =>
        File.ReadAllLines(Path.Join(directory, "cgroup.procs")).Contains(pid.ToString(CultureInfo.InvariantCulture));

    public void Dispose()
    {
        RemoveTestCgroups();
        GC.SuppressFinalize(this);
    }

    protected virtual void RemoveTestCgroups() => Manager("").Destroy();
}
