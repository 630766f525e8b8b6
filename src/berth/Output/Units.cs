using System.Globalization;

namespace Berth.Cli.Output;

/// <summary>Sizes and ages as docker prints them (go-units HumanSize: decimal units, 3-4 significant digits).</summary>
internal static class Units
{
    private static readonly string[] SizeUnits = ["B", "kB", "MB", "GB", "TB", "PB"];

    internal static string HumanSize(double size)
    {
        int unit = 0;
        while (size >= 1000 && unit < SizeUnits.Length - 1)
        {
            size /= 1000;
            unit++;
        }
        // Go's "%.4g": four significant digits, trailing zeros dropped.
        int integerDigits = size < 1 ? 1 : (int)Math.Floor(Math.Log10(size)) + 1;
        string format = "0." + new string('#', Math.Max(0, 4 - integerDigits));
        return size.ToString(format, CultureInfo.InvariantCulture) + SizeUnits[unit];
    }

    private static readonly string[] BinaryUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    /// <summary>go-units BytesSize: binary units, four significant digits ("1.5MiB", "23.54GiB"), as `docker info` prints memory and `docker stats` memory usage.</summary>
    internal static string BinarySize(double size)
    {
        int unit = 0;
        while (size >= 1024 && unit < BinaryUnits.Length - 1)
        {
            size /= 1024;
            unit++;
        }
        return Significant(size, 4) + BinaryUnits[unit];
    }

    /// <summary>go-units HumanSizeWithPrecision(size, 3): decimal units, three significant digits ("1.03kB"), as docker's NET I/O and BLOCK I/O.</summary>
    internal static string HumanSize3(double size)
    {
        int unit = 0;
        while (size >= 1000 && unit < SizeUnits.Length - 1)
        {
            size /= 1000;
            unit++;
        }
        return Significant(size, 3) + SizeUnits[unit];
    }

    /// <summary>Go's "%.Ng" for the sizes here (values below 10^N).</summary>
    private static string Significant(double size, int digits)
    {
        int integerDigits = size < 1 ? 1 : (int)Math.Floor(Math.Log10(size)) + 1;
        return size.ToString("0." + new string('#', Math.Max(0, digits - integerDigits)), CultureInfo.InvariantCulture);
    }

    internal static string Ago(DateTimeOffset? time)
    {
        if (time is null) return "N/A";
        var d = DateTimeOffset.UtcNow - time.Value;
        string text = d.TotalSeconds switch
        {
            < 1 => "Less than a second",
            < 2 => "1 second",
            < 60 => $"{(int)d.TotalSeconds} seconds",
            < 120 => "About a minute",
            < 3600 => $"{(int)d.TotalMinutes} minutes",
            < 7200 => "About an hour",
            < 172800 => $"{(int)d.TotalHours} hours",
            < 1209600 => $"{(int)d.TotalDays} days",
            < 5259600 => $"{(int)(d.TotalDays / 7)} weeks",
            < 63115200 => $"{(int)(d.TotalDays / 30.44)} months",
            _ => $"{(int)(d.TotalDays / 365.25)} years",
        };
        return text + " ago";
    }
}
