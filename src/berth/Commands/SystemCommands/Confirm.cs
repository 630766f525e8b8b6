namespace Berth.Cli.Commands.SystemCommands;

/// <summary>Docker's prompt before destructive commands: the warning, "Are you sure you want to continue? [y/N] ", one line of stdin.</summary>
internal static class Confirm
{
    /// <summary>True only for "y" or "yes" (any case); end of input is "no".</summary>
    internal static bool Ask(string warning, TextReader input, TextWriter output)
    {
        output.Write($"{warning}\nAre you sure you want to continue? [y/N] ");
        output.Flush();
        return IsYes(input.ReadLine());
    }

    internal static bool IsYes(string? answer) => answer?.Trim().ToLowerInvariant() is "y" or "yes";
}
