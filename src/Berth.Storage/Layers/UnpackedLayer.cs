namespace Berth.Storage.Layers;

/// <summary>
/// A layer present in the store: <see cref="Path"/> is the directory holding its files in overlay form, usable
/// as an overlayfs lowerdir. <see cref="Report"/> is null when the layer was already there (nothing was unpacked).
/// </summary>
public sealed record UnpackedLayer(string DiffId, string Path, UnpackReport? Report);
