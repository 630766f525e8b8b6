using Berth.Storage.Layers;

namespace Berth.Storage.Tests.Support;

/// <summary>Runs the unpacker on an in-memory tar.</summary>
internal static class Unpack
{
    public static Task<UnpackReport> IntoAsync(string directory, byte[] tar, UnpackOptions? options = null) =>
        new LayerUnpacker(options).UnpackAsync(new MemoryStream(tar), directory, CancellationToken.None);
}
