using Berth.Images.Reference;

namespace Berth.Cli.Commands.Registry;

/// <summary>`logout [SERVER]`: removes the registry's entry from the auth file.</summary>
internal static class LogoutCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "logout", new HashSet<string>(), new HashSet<string>());
        if (args.Positional.Count > 1) throw new UsageException("logout: at most one argument, the registry (default docker.io)");
        string registry = NormaliseServer(args.Positional.Count == 1 ? args.Positional[0] : ImageReference.DockerHubDomain);
        var files = global.AuthFiles();
        Console.WriteLine(files.Remove(registry) ? $"Removing login credentials for {registry}" : $"Not logged in to {registry}");
        return 0;
    }

    /// <summary>"https://host:5000/v2/" → "host:5000"; Docker Hub's aliases → docker.io.</summary>
    internal static string NormaliseServer(string server)
    {
        string host = server;
        foreach (string scheme in new[] { "https://", "http://" })
        {
            if (host.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) host = host[scheme.Length..];
        }
        host = host.Split('/')[0];
        return host is "index.docker.io" or "registry-1.docker.io" ? ImageReference.DockerHubDomain : host;
    }
}
