using System.Runtime.InteropServices;
using System.Text;

namespace Berth.Runtime.Process;

/// <summary>A NULL-terminated char** built from strings (argv, envp), freed on Dispose.</summary>
internal sealed unsafe class NativeStrings : IDisposable
{
    private readonly nint[] _items;

    public byte** Pointer { get; }

    public NativeStrings(IReadOnlyList<string> values)
    {
        _items = new nint[values.Count];
        Pointer = (byte**)NativeMemory.Alloc((nuint)(values.Count + 1), (nuint)sizeof(nint));
        for (int i = 0; i < values.Count; i++)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(values[i]);
            byte* p = (byte*)NativeMemory.Alloc((nuint)bytes.Length + 1);
            bytes.CopyTo(new Span<byte>(p, bytes.Length));
            p[bytes.Length] = 0;
            _items[i] = (nint)p;
            Pointer[i] = p;
        }
        Pointer[values.Count] = null;
    }

    public void Dispose()
    {
        foreach (nint p in _items) NativeMemory.Free((void*)p);
        NativeMemory.Free(Pointer);
    }
}
