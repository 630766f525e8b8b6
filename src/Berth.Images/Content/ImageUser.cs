namespace Berth.Images.Content;

/// <summary>A container that uses an image (the engine's rows name the image id): its id and whether it runs.</summary>
public readonly record struct ImageUser(string ContainerId, bool Running);
