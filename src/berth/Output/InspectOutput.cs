using System.Text.Json;

namespace Berth.Cli.Output;

/// <summary>
/// What every `inspect` prints: docker's JSON array, or with <c>-f/--format TEMPLATE</c> the template applied
/// to each object in turn, one line each (<see cref="JsonTemplate"/>); <c>--format json</c> is the array.
/// </summary>
internal static class InspectOutput
{
    /// <summary>The parsed template, or null for the JSON array; parse it before any work, so a bad one fails first.</summary>
    public static JsonTemplate? Template(string? format) => format is null or "" or "json" ? null : JsonTemplate.Parse(format);

    public static void Write(string jsonArray, JsonTemplate? template)
    {
        if (template is null)
        {
            Console.WriteLine(jsonArray);
            return;
        }
        using var document = JsonDocument.Parse(jsonArray);
        foreach (var item in document.RootElement.EnumerateArray())
        {
            Console.WriteLine(template.Render(item));
        }
    }
}
