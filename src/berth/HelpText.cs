namespace Berth.Cli;

/// <summary>The text of <c>berth --help</c>.</summary>
internal static class HelpText
{
    internal const string Text = """
        Usage: berth [--root DIR] [--insecure-registry HOST] [--debug] COMMAND [ARGS]

        A daemonless, docker-like container engine.

        Image commands:
          pull [-q] [--platform os/arch[/variant]] NAME[:TAG|@DIGEST]   fetch an image from a registry
          push NAME[:TAG]                                              send an image to a registry
          images [-a] [-q] [--digests] [--format table|json] [-f dangling=true|reference=PATTERN]
          image ls | inspect IMAGE... | history IMAGE | rm IMAGE... | prune [-a] [-f] | pull | push | tag | save | load | import
          tag SOURCE TARGET                                            give an image another name
          rmi [-f] IMAGE...                                            remove names / images
          save [-o FILE] [--format docker-archive|oci-archive] IMAGE... write images to an archive (stdout without -o)
          load [-i FILE] [-q]                                          read images from a docker- or oci-archive (stdin without -i)
          import [-c CHANGE] [-m MSG] FILE|- [REPOSITORY[:TAG]]       make a one-layer image from a rootfs tarball
          login [-u USER] [-p PASSWORD | --password-stdin] [SERVER]    store credentials
          logout [SERVER]                                              remove stored credentials

        Container commands:
          run [-d] [-i] [-t] [--restart no|on-failure[:N]|always|unless-stopped] [--rm] [--name N] [-e K=V] [-w DIR] [-u USER[:GROUP]] [--entrypoint CMD] [--hostname H]
              [-v /host:/ctr[:ro]] [--tmpfs /path[:opts]] [--read-only] [-m SIZE] [--memory-swap SIZE] [--cpus N]
              [--cpu-shares N] [--cpuset-cpus LIST] [--pids-limit N] [--ulimit name=soft[:hard]]
              [--cap-add CAP] [--cap-drop CAP] [--privileged] [--security-opt no-new-privileges|seccomp=unconfined|FILE]
              [--network none|host] [--runtime berth-runtime|runc|crun|PATH] [--log-opt max-size=S|max-file=N]
              IMAGE [COMMAND...]
          create [flags as run] IMAGE [COMMAND...]                     prepare a container, print its id
          start [-a] [-i] CONTAINER...   stop [-t SECONDS] CONTAINER...   kill [-s SIGNAL] CONTAINER...
          rm [-f] CONTAINER...      ps [-a] [-q] [--no-trunc] [--format table|json]
          logs [-f] [--tail N] [-t] CONTAINER   inspect NAME...   wait CONTAINER...
          exec [-d] [-i] [-t] [-e K=V] [-u USER[:GROUP]] [-w DIR] [--privileged] CONTAINER COMMAND [ARG...]
          attach [--no-stdin] CONTAINER        (with -t: Ctrl-P Ctrl-Q detaches)
          container ls | inspect | run | create | start | stop | kill | rm | logs | wait | exec | attach

        Data lives under --root (default /var/lib/berth, or $BERTH_ROOT). Registries on localhost/127.0.0.1/::1
        and those named by --insecure-registry or $BERTH_INSECURE_REGISTRIES may use plain HTTP.
        Credentials: $REGISTRY_AUTH_FILE, else ~/.docker/config.json.
        """;
}
