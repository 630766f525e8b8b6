namespace Berth.Oci.Linux;

/// <summary>One known mount option word: its kind, whether it clears rather than sets, and its flag value.</summary>
public readonly record struct MountOptionEntry(MountOptionKind Kind, bool Clear, ulong Flag);
