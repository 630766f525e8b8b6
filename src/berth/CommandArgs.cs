using Berth.Oci;

namespace Berth.Cli;

/// <summary>
/// Arguments the way docker's CLI (cobra/pflag) takes them: flags before, between or after positional
/// arguments; "--flag value", "--flag=value", "-f value"; single-letter booleans may be bundled ("-qa");
/// "--" ends flags. A valued flag given twice keeps every value (<see cref="GetAll"/>).
/// </summary>
public sealed class CommandArgs
{
    private readonly Dictionary<string, List<string>> _flags = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    public IReadOnlyList<string> Positional => _positional;

    /// <param name="booleans">flag names without dashes that take no value</param>
    /// <param name="valued">flag names that take a value; any other flag is a usage error</param>
    public static CommandArgs Parse(IReadOnlyList<string> args, string command, ISet<string> booleans, ISet<string> valued)
    {
        var result = new CommandArgs();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a == "--")
            {
                result._positional.AddRange(args.Skip(i + 1));
                break;
            }
            if (a.Length < 2 || a[0] != '-')
            {
                result._positional.Add(a);
                continue;
            }
            bool isLong = a.StartsWith("--", StringComparison.Ordinal);
            string name = a[(isLong ? 2 : 1)..];
            string? value = null;
            int eq = name.IndexOf('=');
            if (eq >= 0) (name, value) = (name[..eq], name[(eq + 1)..]);
            if (!isLong && name.Length > 1 && value is null && name.All(c => booleans.Contains(c.ToString())))
            {
                foreach (char c in name) result.Add(c.ToString(), "true");
            }
            else if (booleans.Contains(name)) result.Add(name, value ?? "true");
            else if (valued.Contains(name))
            {
                if (value is null && i + 1 >= args.Count) throw new UsageException($"{command}: flag {a} needs a value");
                result.Add(name, value ?? args[++i]);
            }
            else throw new UsageException($"{command}: unknown flag {a} (see 'berth {command} --help')");
        }
        return result;
    }

    private void Add(string name, string value)
    {
        if (!_flags.TryGetValue(name, out var list)) _flags[name] = list = [];
        list.Add(value);
    }

    public bool Has(params string[] names) => names.Any(n => _flags.TryGetValue(n, out var v) && v[^1] != "false");

    public string? Get(params string[] names) => names.Select(n => _flags.TryGetValue(n, out var v) ? v[^1] : null).FirstOrDefault(v => v is not null);

    public IEnumerable<string> GetAll(params string[] names) => names.SelectMany(n => _flags.TryGetValue(n, out var v) ? v : []);

    /// <summary>Exactly <paramref name="count"/> positional arguments, else a usage error naming them.</summary>
    public void RequirePositional(int count, string command, string usage)
    {
        if (_positional.Count != count) throw new UsageException($"\"berth {command}\" requires exactly {count} argument{(count == 1 ? "" : "s")}; usage: berth {command} {usage}");
    }
}

/// <summary>Wrong use of the command line: one line with a hint, exit code 1.</summary>
public sealed class UsageException(string message) : BerthException(message);
