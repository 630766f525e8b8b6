namespace Berth.RuntimeCli;

/// <summary>
/// Arguments the way runc (urfave/cli + Go's flag package) takes them: "--flag value", "--flag=value",
/// "-flag value"; boolean flags take no value ("--flag=false" too); flags end at the first positional
/// argument of `run`/`create`/`exec`-style commands only where runc stops there.
/// </summary>
public sealed class CommandArgs
{
    private readonly Dictionary<string, string?> _flags = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];
    private readonly Dictionary<string, List<string>> _all = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Positional => _positional;

    /// <param name="booleans">flag names (without dashes) that take no value</param>
    /// <param name="valued">flag names that take a value; any other flag is an error</param>
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
            if (a.Length < 2 || a[0] != '-' || result._positional.Count > 0)
            {
                result._positional.Add(a);
                continue;
            }
            string name = a.TrimStart('-');
            string? value = null;
            int eq = name.IndexOf('=');
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            if (booleans.Contains(name))
            {
                result._flags[name] = value ?? "true";
            }
            else if (valued.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= args.Count) throw new UsageException($"{command}: flag --{name} needs a value");
                    value = args[++i];
                }
                result._flags[name] = value;
                if (!result._all.TryGetValue(name, out var list)) result._all[name] = list = [];
                list.Add(value);
            }
            else
            {
                throw new UsageException($"{command}: unknown flag {a} (see 'berth-runtime {command} --help')");
            }
        }
        return result;
    }

    public bool Has(string name) => _flags.TryGetValue(name, out var v) && v != "false";

    public string? Get(string name) => _flags.TryGetValue(name, out var v) ? v : null;

    /// <summary>Every value of a repeatable flag (--env A --env B), in order; under any of the given names.</summary>
    public List<string> GetAll(params string[] names) =>
        names.SelectMany(n => _all.TryGetValue(n, out var list) ? list : []).ToList();

    public int GetInt(string name, int fallback)
    {
        string? v = Get(name);
        if (v is null) return fallback;
        return int.TryParse(v, out int n) && n >= 0 ? n : throw new UsageException($"--{name}: expected a non-negative number, got '{v}'");
    }
}

/// <summary>Wrong usage of the command line: printed with a hint, exit code 1 like runc.</summary>
public sealed class UsageException : Oci.BerthException
{
    public UsageException(string message) : base(message) { }
}
