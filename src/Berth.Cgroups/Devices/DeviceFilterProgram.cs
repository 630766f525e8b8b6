namespace Berth.Cgroups.Devices;

/// <summary>
/// A compiled BPF_PROG_TYPE_CGROUP_DEVICE program: the kernel runs it on every open/mknod of a device node by a
/// process in the cgroup (and its descendants) and allows the access when it returns 1, refuses it (EPERM) on 0.
/// </summary>
/// <param name="Instructions">The program, ready for BPF_PROG_LOAD.</param>
/// <param name="License">The license string the kernel records (runc uses "Apache"; no GPL-only helpers are called).</param>
/// <param name="Rules">The canonical rule set it was compiled from.</param>
public sealed record DeviceFilterProgram(IReadOnlyList<BpfInstruction> Instructions, string License, DeviceRuleSet Rules)
{
    /// <summary>The instructions as the kernel reads them: 8 bytes each, little-endian.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Instructions.Count * BpfInstruction.Size];
        for (int i = 0; i < Instructions.Count; i++)
        {
            Instructions[i].WriteTo(bytes.AsSpan(i * BpfInstruction.Size));
        }
        return bytes;
    }

    /// <summary>One instruction a line, "  6: JNEImm dst: r2 off: 5 imm: 1", for tests and --debug output.</summary>
    public string Listing() =>
        string.Join('\n', Instructions.Select((instruction, i) => $"{i,3}: {instruction}"));
}
