using System.Globalization;
using Berth.Engine.Specs;
using Berth.Engine.State;

namespace Berth.Engine.Inspect;

/// <summary>A container row → docker's inspect shape. Pure.</summary>
public static class ContainerInspector
{
    private const string ZeroTime = "0001-01-01T00:00:00Z";

    public static ContainerInspect Build(ContainerRecord c, ContainerConfig config)
    {
        var o = config.Options;
        var args = config.Entrypoint.Concat(config.Cmd).ToList();
        return new ContainerInspect
        {
            Id = c.Id, Created = Time(c.Created), Path = args.FirstOrDefault() ?? "", Args = args.Skip(1).ToList(),
            State = new InspectState
            {
                Status = c.State, Running = c.IsRunning, Paused = c.IsPaused, Restarting = c.State == ContainerStatus.Restarting, Pid = c.IsRunning ? c.Pid : 0, ExitCode = c.ExitCode ?? 0, Error = c.Error ?? "",
                StartedAt = c.StartedAt is { } s ? Time(s) : ZeroTime, FinishedAt = c.FinishedAt is { } f ? Time(f) : ZeroTime,
            },
            Image = c.ImageId, LogPath = c.LogPath, Name = "/" + c.Name, Driver = config.Driver, RestartCount = c.RestartCount,
            HostConfig = HostConfig(o, config),
            Mounts = config.Mounts.Select(InspectMount.From)
                .Concat(o.Tmpfs.Select(t => new InspectMount { Type = "tmpfs", Destination = t.Split(':')[0], RW = true })).ToList(),
            Config = new InspectConfig
            {
                Hostname = config.Hostname, User = config.User, Env = config.Env, Cmd = config.Cmd, Image = c.Image,
                WorkingDir = config.WorkingDir, Entrypoint = config.Entrypoint.Count > 0 ? config.Entrypoint : null,
                Labels = config.Labels, StopSignal = config.StopSignal,
                Tty = o.Tty, OpenStdin = o.Interactive, StdinOnce = o.StdinOnce,
            },
        };
    }

    private static InspectHostConfig HostConfig(CreateOptions o, ContainerConfig config)
    {
        var resources = SpecBuilder.BuildResources(o, int.MaxValue);
        var host = new InspectHostConfig
        {
            Binds = o.Binds, VolumesFrom = o.VolumesFrom.Count > 0 ? o.VolumesFrom : null, NetworkMode = o.Network, AutoRemove = o.AutoRemove, CapAdd = o.CapAdd, CapDrop = o.CapDrop,
            Privileged = o.Privileged, ReadonlyRootfs = o.ReadOnly, SecurityOpt = o.SecurityOpt, Runtime = config.RuntimeName,
            Tmpfs = o.Tmpfs.ToDictionary(t => t.Split(':', 2)[0], t => t.Contains(':') ? t.Split(':', 2)[1] : ""),
            Memory = resources.Memory?.Limit ?? 0, MemorySwap = resources.Memory?.Swap ?? 0,
            NanoCpus = resources.Cpu?.Quota is { } q ? q * 10_000 : 0, CpuShares = (long)(resources.Cpu?.Shares ?? 0),
            CpusetCpus = resources.Cpu?.Cpus ?? "", PidsLimit = resources.Pids?.Limit,
            Ulimits = o.Ulimits.Select(SpecBuilder.ParseUlimit).Select(r => new InspectUlimit
            {
                Name = r.Type[7..].ToLowerInvariant(), Soft = r.Soft == ulong.MaxValue ? -1 : (long)r.Soft, Hard = r.Hard == ulong.MaxValue ? -1 : (long)r.Hard,
            }).ToList(),
        };
        if (Monitor.RestartPolicy.Parse(o.Restart) is var policy) host.RestartPolicy = new InspectRestartPolicy { Name = policy.Name, MaximumRetryCount = policy.MaximumRetryCount };
        if (o.LogMaxSize is not null) host.LogConfig.Config["max-size"] = o.LogMaxSize;
        if (o.LogMaxFiles is not null) host.LogConfig.Config["max-file"] = o.LogMaxFiles;
        return host;
    }

    /// <summary>RFC 3339 with fractional seconds, as docker prints times.</summary>
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
