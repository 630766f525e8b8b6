using System.IO.Pipes;
using Berth.Engine.Copy;
using Berth.Engine.Specs;
using Berth.Engine.State;
using Berth.Storage.Copy;

namespace Berth.Engine.Containers;

public sealed partial class ContainerEngine
{
    /// <summary>
    /// `berth cp CONTAINER:SRC DEST`: SRC (a file or a tree) out of a running or stopped container, to a host path
    /// by docker's rules (<see cref="CopyPlan"/>), or as a tar stream to <paramref name="tarOutput"/> when DEST is
    /// "-". Files land owned by the caller (docker's cp does not chown on the host).
    /// </summary>
    public async Task CopyFromContainerAsync(string idOrName, string source, string destination, bool followLink, Stream? tarOutput, CancellationToken cancellationToken)
    {
        var c = Get(idOrName);
        using var view = OpenView(c);
        var from = view.View.Map(source);
        var info = RootedTree.Stat(from.Root, from.Path, followLink || source.EndsWith('/') || source.EndsWith("/.", StringComparison.Ordinal))
            ?? throw new EngineException($"could not find the file {source} in container {c.Name}", 1);
        bool contentsOnly = source.EndsWith("/.", StringComparison.Ordinal);
        if (!info.IsDirectory && (source.EndsWith('/') || contentsOnly)) throw new EngineException($"{source}: not a directory", 1);
        if (tarOutput is not null)
        {
            RootedTree.WriteArchive(from.Root, from.Path, followLink, contentsOnly ? "." : CopyPlan.BaseName(source), tarOutput);
            return;
        }
        var target = CopyPlan.Decide(source, info.IsDirectory, destination, HostKind(destination));
        string directory = Path.GetFullPath(target.Directory);
        if (!Directory.Exists(directory)) throw new EngineException($"copying to {destination}: no such directory: {directory}", 1);
        await PipeAsync(
            output => RootedTree.WriteArchive(from.Root, from.Path, followLink, target.RebaseName, output),
            input => RootedTree.ExtractArchiveAsync(input, directory, "/", applyOwners: false, cancellationToken));
    }

    /// <summary>
    /// `berth cp SRC CONTAINER:DEST`: a host file or tree into the container (a volume's directory when DEST is
    /// under one), or a tar stream from <paramref name="tarInput"/> (SRC "-") unpacked into the directory DEST.
    /// Owners are the source's, or the container's user with <paramref name="archive"/> (-a), as docker does.
    /// </summary>
    public async Task CopyToContainerAsync(string source, string idOrName, string destination, bool followLink, bool archive, Stream? tarInput, CancellationToken cancellationToken)
    {
        var c = Get(idOrName);
        using var view = OpenView(c);
        var to = view.View.Map(destination);
        if (to.ReadOnly)
        {
            throw new EngineException(to.Mount.Length == 0 ? "container rootfs is marked read-only" : $"mounted volume {to.Mount} is marked read-only", 1);
        }
        var existing = RootedTree.Stat(to.Root, to.Path, followLink: true);
        if (tarInput is not null)
        {
            if (existing is not { IsDirectory: true }) throw new EngineException($"destination \"{c.Name}:{destination}\" must be a directory", 1);
            try
            {
                await RootedTree.ExtractArchiveAsync(tarInput, to.Root, to.Path, applyOwners: true, cancellationToken);
            }
            catch (Berth.Storage.LayerUnpackException e)
            {
                throw new EngineException($"cp: stdin is not a usable tar archive: {e.Message}", 1, e);
            }
            return;
        }
        var info = RootedTree.Stat("/", Path.GetFullPath(source), followLink) ?? throw new EngineException($"lstat {source}: no such file or directory", 1);
        if (existing is null && (destination.EndsWith('/') || destination.EndsWith("/.", StringComparison.Ordinal)))
        {
            throw new EngineException($"destination directory {c.Name}:{destination} does not exist", 1);
        }
        var target = CopyPlan.Decide(source, info.IsDirectory, to.Path, existing is null ? null : existing.IsDirectory);
        var parent = existing is { IsDirectory: true } ? existing : RootedTree.Stat(to.Root, target.Directory, followLink: true);
        if (parent is not { IsDirectory: true }) throw new EngineException($"copying to {c.Name}:{destination}: no such directory: {CopyPlan.Parent(destination)}", 1);
        (int, int)? owner = archive ? ContainerUser(c, view.Rootfs) : null;
        await PipeAsync(
            output => RootedTree.WriteArchive("/", Path.GetFullPath(source), followLink, target.RebaseName, output, owner),
            input => RootedTree.ExtractArchiveAsync(input, to.Root, target.Directory, applyOwners: true, cancellationToken));
    }

    /// <summary>The container's rootfs, mounted for the copy when the container is not running, and unmounted after.</summary>
    private sealed class MountedView(ContainerView view, string rootfs, Action? unmount) : IDisposable
    {
        public ContainerView View { get; } = view;
        public string Rootfs { get; } = rootfs;

        public void Dispose() => unmount?.Invoke();
    }

    private MountedView OpenView(ContainerRecord c)
    {
        var config = ConfigOf(c);
        string rootfs = Snapshotter.Mount(c.Id);
        // A container that is not running needs no mounted rootfs (start mounts it again): unmount after the copy.
        Action? unmount = c.IsRunning ? null : () =>
        {
            if (Store.Find(c.Id) is { IsRunning: false }) Snapshotter.Unmount(c.Id);
        };
        var tmpfs = config.Options.Tmpfs.Select(t => SpecBuilder.Tmpfs(t).Destination);
        return new MountedView(new ContainerView(rootfs, config.Options.ReadOnly, config.Mounts, tmpfs), rootfs, unmount);
    }

    /// <summary>-a: the uid and gid of the container's configured user (root when none), from its /etc/passwd and /etc/group.</summary>
    private static (int, int) ContainerUser(ContainerRecord c, string rootfs)
    {
        var (user, _) = new UserDatabase(ImageFile(rootfs, "passwd"), ImageFile(rootfs, "group")).Resolve(ConfigOf(c).User);
        return ((int)user.Uid, (int)user.Gid);
    }

    /// <summary>null when the host path does not exist, else whether it is a directory (symlinks followed, as docker's CLI does).</summary>
    private static bool? HostKind(string path) => Directory.Exists(path) ? true : File.Exists(path) ? false : null;

    /// <summary>Runs a tar writer and a reader joined by a pipe, the writer on its own thread.</summary>
    private static async Task PipeAsync(Action<Stream> write, Func<Stream, Task> read)
    {
        using var server = new AnonymousPipeServerStream(PipeDirection.Out);
        using var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
        var writer = Task.Factory.StartNew(() =>
        {
            try
            {
                write(server);
            }
            finally
            {
                server.Dispose();
            }
        }, TaskCreationOptions.LongRunning);
        Exception? readError = null;
        try
        {
            await read(client);
        }
        catch (Exception e)
        {
            readError = e;
            client.Dispose();
        }
        try
        {
            await writer;
        }
        catch (IOException) when (readError is not null)
        {
            // The reader stopped first (its error is the one to report); the writer then hit a closed pipe.
        }
        if (readError is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(readError).Throw();
    }
}
