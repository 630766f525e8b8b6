using System.Buffers.Binary;
using System.Text;

namespace Berth.Runtime.Process;

/// <summary>
/// The Bootstrap payload nsexec.c reads: u32 clone flags, i32 fd of the cgroup2 directory to clone the
/// init into (-1: none), u32 count, then per namespace to join
/// u32 nstype (its CLONE_NEW* flag), u32 length, path bytes; then u32 count of v1 cgroup "tasks" files
/// the bootstrap writes "0" into (itself, before it clones), each u32 length, path bytes. Pure, so it is unit-tested.
/// </summary>
public static class BootstrapMessage
{
    public const int MaxJoins = 8;

    /// <summary>nsexec.c keeps each path in a 512-byte buffer.</summary>
    public const int MaxPathBytes = 511;

    public const int MaxTaskFiles = 16;

    public static byte[] Encode(uint cloneFlags, int cgroupFd, IReadOnlyList<(uint NsType, string Path)> joins, IReadOnlyList<string>? taskFiles = null)
    {
        taskFiles ??= [];
        if (taskFiles.Count > MaxTaskFiles)
        {
            throw new ArgumentException($"at most {MaxTaskFiles} cgroup hierarchies can be joined", nameof(taskFiles));
        }
        if (joins.Count > MaxJoins)
        {
            throw new ArgumentException($"at most {MaxJoins} namespaces can be joined", nameof(joins));
        }
        var bytes = new List<byte>(64);
        Append(bytes, cloneFlags);
        Append(bytes, unchecked((uint)cgroupFd));
        Append(bytes, (uint)joins.Count);
        foreach (var (nsType, path) in joins)
        {
            byte[] p = Encoding.UTF8.GetBytes(path);
            if (p.Length > MaxPathBytes)
            {
                throw new Oci.InvalidSpecException($"linux.namespaces: path '{path}' is longer than {MaxPathBytes} bytes");
            }
            Append(bytes, nsType);
            Append(bytes, (uint)p.Length);
            bytes.AddRange(p);
        }
        Append(bytes, (uint)taskFiles.Count);
        foreach (string file in taskFiles)
        {
            byte[] p = Encoding.UTF8.GetBytes(file);
            if (p.Length > MaxPathBytes) throw new Oci.BerthException($"cgroup path '{file}' is longer than {MaxPathBytes} bytes");
            Append(bytes, (uint)p.Length);
            bytes.AddRange(p);
        }
        return bytes.ToArray();
    }

    private static void Append(List<byte> bytes, uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        bytes.AddRange(b.ToArray());
    }
}
