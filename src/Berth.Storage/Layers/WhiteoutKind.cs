namespace Berth.Storage.Layers;

/// <summary>What an entry's name means under the OCI whiteout rules.</summary>
public enum WhiteoutKind
{
    /// <summary>An ordinary file, directory or link.</summary>
    None,

    /// <summary>".wh.NAME": NAME (file or whole directory) from lower layers is deleted.</summary>
    Whiteout,

    /// <summary>".wh..wh..opq": the directory holding it hides everything lower layers had inside it.</summary>
    Opaque,

    /// <summary>Another ".wh..wh." name (AUFS bookkeeping such as .wh..wh.plnk): ignored.</summary>
    AufsMetadata,
}
