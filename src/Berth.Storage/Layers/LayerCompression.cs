namespace Berth.Storage.Layers;

/// <summary>How a layer blob is compressed around its tar stream.</summary>
public enum LayerCompression
{
    None,
    Gzip,
    Zstd,
}
