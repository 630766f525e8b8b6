namespace Berth.RuntimeCli;

public static class HelpText
{
    public const string Text = """
        berth-runtime: an OCI container runtime with runc's command line

        Usage: berth-runtime [global options] COMMAND [options] [arguments]

        Commands:
          spec       write a default config.json into the bundle (--bundle, --rootless)
          create     create a container from a bundle; its process waits for `start`
                     (--bundle, --pid-file, --console-socket, --no-pivot, --preserve-fds)
          start      run the user process of a created container
          run        create + start, then wait for it (--detach to return at once)
          exec       run another process in a running container (--process, --tty, --console-socket,
                     --detach, --pid-file, --cwd, --env, --user, --additional-gids, --cap, --no-new-privs)
          ps         list the container's processes (--format table|json; ps options after the id)
          pause      freeze every process of the container (resume: thaw them)
          resume     thaw a paused container
          update     change resource limits of a running container (--resources FILE|-, --memory,
                     --memory-swap, --cpu-shares, --cpu-quota, --cpu-period, --cpuset-cpus, --pids-limit, ...)
          events     print stats and OOM events as JSON lines (--stats: one sample; --interval 5s)
          state      print a container's OCI state as JSON
          kill       send a signal to the container (--all: every process in it)
          delete     remove a stopped container (--force: also a running one)
          list       list containers (--format table|json, --quiet)
          features   print what this runtime supports, as JSON

        Global options:
          --root DIR          state directory (default /run/berth-runtime)
          --log FILE          also write errors to FILE (containerd and podman read it)
          --log-format FMT    text (default) or json
          --debug             more detail on errors
          --trace             print every kernel step in plain words (or BERTH_TRACE=1)
          --version           print the version
        """;
}

public static class VersionText
{
    public const string Text = "berth-runtime version 0.1.0\nspec: 1.2.0";
}
