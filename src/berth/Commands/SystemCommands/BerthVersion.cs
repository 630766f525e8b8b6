using System.Reflection;

namespace Berth.Cli.Commands.SystemCommands;

/// <summary>This berth's version (the Version of berth.csproj: major.minor.patch).</summary>
internal static class BerthVersion
{
    internal static string Text => (typeof(BerthVersion).Assembly.GetName().Version ?? new Version(0, 0, 0)).ToString(3);
}
