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
          images [-a] [-q] [--digests] [--format table|json|TEMPLATE] [-f dangling=true|reference=PATTERN]
          image ls | inspect IMAGE... | history IMAGE | rm IMAGE... | prune [-a] [-f] | pull | push | tag | save | load | import
          tag SOURCE TARGET                                            give an image another name
          rmi [-f] IMAGE...                                            remove names / images
          save [-o FILE] [--format docker-archive|oci-archive] IMAGE... write images to an archive (stdout without -o)
          load [-i FILE] [-q]                                          read images from a docker- or oci-archive (stdin without -i)
          import [-c CHANGE] [-m MSG] FILE|- [REPOSITORY[:TAG]]       make a one-layer image from a rootfs tarball
          login [-u USER] [-p PASSWORD | --password-stdin] [SERVER]    store credentials
          logout [SERVER]                                              remove stored credentials

        Container commands:
          run [-d] [-i] [-t] [--restart no|on-failure[:N]|always|unless-stopped] [--rm] [--name N]
              [-e K=V] [-w DIR] [-u USER[:GROUP]] [--entrypoint CMD] [--hostname H]
              [-v /host:/ctr[:ro]|NAME:/ctr[:ro]|/ctr] [--mount type=bind|volume|tmpfs,source=S,target=T[,readonly]...]
              [--volumes-from CONTAINER[:ro|:rw]]
              [--tmpfs /path[:opts]] [--read-only] [-m SIZE] [--memory-swap SIZE] [--cpus N]
              [--cpu-shares N] [--cpuset-cpus LIST] [--pids-limit N] [--ulimit name=soft[:hard]]
              [--cap-add CAP] [--cap-drop CAP] [--privileged] [--security-opt no-new-privileges|seccomp=unconfined|FILE]
              [--network bridge|NAME|none|host|container:ID] [--network-alias A] [--ip IP]
              [-p [IP:][HOSTPORT:]PORT[/udp]] [-P] [--expose PORT] [--dns IP] [--dns-search D] [--dns-option O]
              [--add-host NAME:IP|host-gateway] [--runtime berth-runtime|runc|crun|PATH] [--log-opt max-size=S|max-file=N]
              [--env-file FILE] [-l|--label K=V] [--label-file FILE] [--init] [--detach-keys KEYS] [--sig-proxy=false]
              IMAGE [COMMAND...]
          create [flags as run] IMAGE [COMMAND...]                     prepare a container, print its id
          start [-a] [-i] [--detach-keys KEYS] CONTAINER...   stop [-t SECONDS] CONTAINER...   kill [-s SIGNAL] CONTAINER...
          start --all [--filter K=V]...   every stopped container the filters match (at boot: restart-policy=always)
          rm [-f] CONTAINER...      ps [-a] [-q] [--no-trunc] [--format table|json]
          logs [-f] [--tail N] [-t] CONTAINER   inspect NAME...   wait CONTAINER... (also of --rm ones)
          restart [-t SECONDS] CONTAINER...   pause CONTAINER...   unpause CONTAINER...   rename CONTAINER NEW_NAME
          ps [-n N] [-l] [-f id=|name=|label=K[=V]|status=|exited=N|ancestor=IMAGE|before=C|since=C|restart-policy=P] [--format TEMPLATE]
          logs [--since T] [--until T] (RFC 3339, Unix time, or 10m)   top CONTAINER [ps OPTIONS]
          stats [-a] [--no-stream] [--no-trunc] [--format table|json|TEMPLATE] [CONTAINER...]
          TEMPLATE: docker's Go-template subset: {{.Field}} {{json .}} {{json .Field}} {{upper .Field}} {{.Label "k"}}, "table ..." for columns
          exec [-d] [-i] [-t] [-e K=V] [--env-file FILE] [-u USER[:GROUP]] [-w DIR] [--privileged] CONTAINER COMMAND [ARG...]
          attach [--no-stdin] [--detach-keys KEYS] [--sig-proxy=false] CONTAINER   (with -t: Ctrl-P Ctrl-Q detaches)
          KEYS: docker's detach keys, e.g. ctrl-p,ctrl-q (the default) or ctrl-a,x
          container ls | inspect | run | create | start | stop | kill | rm | logs | wait | cp | prune | exec | attach
          container restart | pause | unpause | rename | top | stats
          rm -v CONTAINER...        also remove the container's anonymous volumes
          cp [-a] [-L] CONTAINER:SRC DEST|-   cp [-a] [-L] SRC|- CONTAINER:DEST   copy files out of / into a container
          port CONTAINER [PORT[/PROTO]]                                published ports

        Volume commands:
          volume create [--label K=V] [NAME]   volume ls [-q] [--filter dangling=|name=|label=|driver=] [--format table|json|TEMPLATE]
          volume inspect VOLUME...             volume rm [-f] VOLUME...   volume prune [-a] [-f] [--filter label=K[=V]]

        System commands:
          info [--format json]      version [--format json]
          system df [-v] [--format json]   system prune [-a] [-f] [--volumes]   system info   container prune [-f]

        Network commands:
          network create [--subnet CIDR] [--gateway IP] [--internal] [-d bridge] [-o com.docker.network.bridge.name=IF] NAME
          network ls [-q] | inspect NETWORK... | rm NETWORK... | prune [-f]
          network connect [--alias A] [--ip IP] NETWORK CONTAINER | disconnect NETWORK CONTAINER

        Data lives under --root (default /var/lib/berth, or $BERTH_ROOT). Registries on localhost/127.0.0.1/::1
        and those named by --insecure-registry or $BERTH_INSECURE_REGISTRIES may use plain HTTP.
        Credentials: $REGISTRY_AUTH_FILE, else ~/.docker/config.json.
        The default network "bridge" is made on first use: $BERTH_DEFAULT_BRIDGE and $BERTH_DEFAULT_SUBNET choose its
        bridge and subnet (else berthN on a free /24 of 10.90.0.0/16). A network keeps its bridge from its first container
        until network rm (network prune takes down the default network's while no container is on it); see docs/network.md.
        """;
}
