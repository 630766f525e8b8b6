namespace Berth.Engine.Volumes;

/// <summary>
/// The local driver's -o options (type=, device=, o=: a file system mounted on the volume's directory). Not
/// supported yet: refused with a clear message rather than ignored.
/// </summary>
public static class LocalDriverOptions
{
    public static void Check(Dictionary<string, string> options)
    {
        if (options.Count > 0)
        {
            throw new InvalidOptionException($"volume driver option {options.Keys.First()}={options.Values.First()}: the local driver's mount options (type, device, o) are not supported yet; create the volume without -o");
        }
    }
}
