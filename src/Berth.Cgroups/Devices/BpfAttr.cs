using System.Buffers.Binary;

namespace Berth.Cgroups.Devices;

/// <summary>
/// The parts of union bpf_attr (include/uapi/linux/bpf.h) the device filter uses, written into a zeroed buffer at
/// the kernel's offsets. Pointers are passed as 64-bit numbers; the caller keeps the memory pinned during the call.
/// </summary>
internal static class BpfAttr
{
    /// <summary>Large enough for every command used; the kernel accepts a bigger union when the tail is zero.</summary>
    public const int Size = 128;

    /// <summary>BPF_PROG_LOAD: prog_type, insn_cnt, insns, license, log_level, log_size, log_buf.</summary>
    public static void ProgLoad(Span<byte> attr, int progType, int instructionCount, ulong instructions, ulong license, ulong logBuffer, uint logSize)
    {
        attr.Clear();
        U32(attr, 0, (uint)progType);
        U32(attr, 4, (uint)instructionCount);
        U64(attr, 8, instructions);
        U64(attr, 16, license);
        U32(attr, 24, logBuffer == 0 ? 0u : 1u);
        U32(attr, 28, logSize);
        U64(attr, 32, logBuffer);
    }

    /// <summary>BPF_PROG_ATTACH / BPF_PROG_DETACH: target_fd, attach_bpf_fd, attach_type, attach_flags, replace_bpf_fd.</summary>
    public static void ProgAttach(Span<byte> attr, int targetFd, int programFd, int attachType, int flags, int replaceFd)
    {
        attr.Clear();
        U32(attr, 0, (uint)targetFd);
        U32(attr, 4, (uint)programFd);
        U32(attr, 8, (uint)attachType);
        U32(attr, 12, (uint)flags);
        U32(attr, 16, replaceFd < 0 ? 0u : (uint)replaceFd);
    }

    /// <summary>BPF_PROG_QUERY: target_fd, attach_type, prog_ids, prog_cnt (the kernel writes the count back).</summary>
    public static void ProgQuery(Span<byte> attr, int targetFd, int attachType, ulong programIds, uint capacity)
    {
        attr.Clear();
        U32(attr, 0, (uint)targetFd);
        U32(attr, 4, (uint)attachType);
        U64(attr, 16, programIds);
        U32(attr, 24, capacity);
    }

    /// <summary>prog_cnt after BPF_PROG_QUERY: how many programs are attached (also on ENOSPC).</summary>
    public static uint QueryCount(ReadOnlySpan<byte> attr) => BinaryPrimitives.ReadUInt32LittleEndian(attr[24..]);

    /// <summary>BPF_PROG_GET_FD_BY_ID: prog_id.</summary>
    public static void ProgGetFdById(Span<byte> attr, uint programId)
    {
        attr.Clear();
        U32(attr, 0, programId);
    }

    private static void U32(Span<byte> attr, int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(attr[offset..], value);

    private static void U64(Span<byte> attr, int offset, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(attr[offset..], value);
}
