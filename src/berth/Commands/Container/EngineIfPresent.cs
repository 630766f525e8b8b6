using Berth.Engine;
using Berth.Engine.Containers;
using Berth.Images.Content;

namespace Berth.Cli.Commands.Container;

/// <summary>
/// For image commands that must respect containers (rmi, image prune): the engine when it has a database (then its
/// image store knows which images and layers containers use), else null: no container was ever created here, and
/// opening the engine would create an empty database.
/// </summary>
internal static class EngineIfPresent
{
    internal static ContainerEngine? Open(GlobalOptions global) =>
        File.Exists(new EnginePaths(ImageStore.ResolveRoot(global.Root)).Database) ? EngineFactory.Open(global) : null;
}
