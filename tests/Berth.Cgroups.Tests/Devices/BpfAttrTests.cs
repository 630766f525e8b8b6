using System.Buffers.Binary;
using Berth.Cgroups.Devices;

namespace Berth.Cgroups.Tests.Devices;

/// <summary>union bpf_attr field offsets (include/uapi/linux/bpf.h) for the commands the device filter uses.</summary>
public sealed class BpfAttrTests
{
    private static uint U32(byte[] attr, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(attr.AsSpan(offset));

    private static ulong U64(byte[] attr, int offset) => BinaryPrimitives.ReadUInt64LittleEndian(attr.AsSpan(offset));

    [Fact]
    public void Prog_load_puts_type_count_pointers_and_log_where_the_kernel_reads_them()
    {
        var attr = Enumerable.Repeat((byte)0xee, BpfAttr.Size).ToArray();
        BpfAttr.ProgLoad(attr, 15, 64, 0x1111, 0x2222, 0x3333, 4096);
        Assert.Equal((15u, 64u, 0x1111ul, 0x2222ul), (U32(attr, 0), U32(attr, 4), U64(attr, 8), U64(attr, 16)));
        Assert.Equal((1u, 4096u, 0x3333ul), (U32(attr, 24), U32(attr, 28), U64(attr, 32)));
        Assert.All(attr[40..], b => Assert.Equal(0, b)); // kern_version, prog_flags, name, ... zeroed
    }

    [Fact]
    public void Prog_load_without_a_log_buffer_asks_for_no_log()
    {
        var attr = new byte[BpfAttr.Size];
        BpfAttr.ProgLoad(attr, 15, 8, 1, 2, 0, 0);
        Assert.Equal(0u, U32(attr, 24));
    }

    [Fact]
    public void Attach_and_query_and_get_fd_by_id_layouts()
    {
        var attr = new byte[BpfAttr.Size];
        BpfAttr.ProgAttach(attr, 3, 7, 6, 2 | 4, 9);
        Assert.Equal((3u, 7u, 6u, 6u, 9u), (U32(attr, 0), U32(attr, 4), U32(attr, 8), U32(attr, 12), U32(attr, 16)));
        BpfAttr.ProgAttach(attr, 3, 7, 6, 2, -1);
        Assert.Equal(0u, U32(attr, 16));
        BpfAttr.ProgQuery(attr, 3, 6, 0xabcd, 64);
        Assert.Equal((3u, 6u, 0u, 0xabcdul, 64u), (U32(attr, 0), U32(attr, 4), U32(attr, 8), U64(attr, 16), U32(attr, 24)));
        Assert.Equal(64u, BpfAttr.QueryCount(attr));
        BpfAttr.ProgGetFdById(attr, 42);
        Assert.Equal((42u, 0u), (U32(attr, 0), U32(attr, 4)));
    }
}
