using Berth.Images.Distribution;
using Berth.Images.Reference;

namespace Berth.Cli.Commands.Registry;

/// <summary>
/// `login [-u USER] [-p PASSWORD | --password-stdin] [SERVER]`: checks the credentials against the registry
/// (Basic, or a token request) before writing them to the auth file, so a typo is caught now, not at pull.
/// </summary>
internal static class LoginCommand
{
    internal static async Task<int> ExecuteAsync(GlobalOptions global, string[] argv, CancellationToken cancellationToken)
    {
        var args = CommandArgs.Parse(argv, "login", new HashSet<string> { "password-stdin" }, new HashSet<string> { "u", "username", "p", "password" });
        if (args.Positional.Count > 1) throw new UsageException("login: at most one argument, the registry (default docker.io)");
        string registry = LogoutCommand.NormaliseServer(args.Positional.Count == 1 ? args.Positional[0] : ImageReference.DockerHubDomain);
        string username = args.Get("u", "username") ?? Prompt("Username: ", echo: true);
        string password = args.Has("password-stdin") ? Console.In.ReadToEnd().TrimEnd('\n', '\r') : args.Get("p", "password") ?? Prompt("Password: ", echo: false);
        if (username.Length == 0 || password.Length == 0) throw new UsageException("login: a username and a password are needed");
        var credential = new RegistryCredential(username, password);
        using var client = global.CreateRegistryClient();
        string host = registry == ImageReference.DockerHubDomain ? "registry-1.docker.io" : registry;
        await client.CheckCredentialAsync(host, credential, cancellationToken);
        var files = global.AuthFiles();
        files.Save(registry, credential);
        Console.WriteLine($"Login Succeeded (credentials stored in {files.WritePath})");
        return 0;
    }

    private static string Prompt(string text, bool echo)
    {
        if (Console.IsInputRedirected) return Console.ReadLine() ?? "";
        Console.Write(text);
        if (echo) return Console.ReadLine() ?? "";
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0) password.Length--;
            else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        Console.WriteLine();
        return password.ToString();
    }
}
