using System.Globalization;

namespace Berth.Runtime.Container;

/// <summary>--pid-file of `create`, `run` and `exec`: written whole (temp file + rename), so a reader never sees half a number.</summary>
internal static class PidFile
{
    internal static void Write(string? pidFile, int pid)
    {
        if (string.IsNullOrEmpty(pidFile)) return;
        string path = Path.GetFullPath(pidFile);
        string temp = path + ".tmp";
        File.WriteAllText(temp, pid.ToString(CultureInfo.InvariantCulture));
        File.Move(temp, path, overwrite: true);
    }
}
