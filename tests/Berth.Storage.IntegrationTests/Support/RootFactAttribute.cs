using Berth.Storage.Snapshots.Overlay;

namespace Berth.Storage.IntegrationTests.Support;

/// <summary>
/// A [Fact] that needs root (device nodes, ownership, trusted.* xattrs, mount). Reported as skipped with the reason
/// when not root, or, with <paramref name="needsOverlay"/>, when an overlay probe mount fails — never silently passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RootFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> OverlayProblem = new(ProbeOverlay);

    public RootFactAttribute(bool needsOverlay = false)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Skip = "run as root: these tests create device nodes, chown files and mount overlayfs";
        }
        else if (needsOverlay && OverlayProblem.Value is { } problem)
        {
            Skip = "overlayfs is not usable on this host: " + problem;
        }
    }

    private static string? ProbeOverlay()
    {
        using var temp = new Berth.Storage.Tests.Support.TempDirectory();
        return OverlayProbe.IsAvailable(temp.Path, out string reason) ? null : reason;
    }
}
