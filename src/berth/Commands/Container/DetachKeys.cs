namespace Berth.Cli.Commands.Container;

/// <summary>
/// The detach sequence (docker's default Ctrl-P Ctrl-Q, or --detach-keys) found in the input stream. Bytes
/// that may start the sequence are held back until the next byte shows whether it goes on; when it does not,
/// they go on unchanged. Pure.
/// </summary>
internal sealed class DetachKeys
{
    public const string Default = "ctrl-p,ctrl-q";

    // docker's names for the control codes, each at its own value: ctrl-@ is 0, ctrl-a 1 ... ctrl-_ 31.
    private const string ControlNames = "@abcdefghijklmnopqrstuvwxyz[\\]^_";

    private readonly byte[] _sequence;
    private int _matched;

    public DetachKeys(string spec = Default) : this(Parse(spec))
    {
    }

    /// <summary>An already parsed sequence (<see cref="Parse"/>).</summary>
    public DetachKeys(byte[] sequence) => _sequence = sequence;

    /// <summary>
    /// docker's --detach-keys: comma-separated keys, each one character ("a") or "ctrl-" and one of
    /// a-z @ [ \ ] ^ _ ("ctrl-a"). Empty means the default.
    /// </summary>
    public static byte[] Parse(string spec)
    {
        if (spec.Length == 0) spec = Default;
        var codes = new List<byte>();
        foreach (string key in spec.Split(','))
        {
            if (key.Length == 1 && key[0] < 0x80) codes.Add((byte)key[0]);
            else if (key.Length == 6 && key.StartsWith("ctrl-", StringComparison.Ordinal) && ControlNames.IndexOf(key[5]) is int code and >= 0) codes.Add((byte)code);
            else throw new UsageException($"invalid detach keys ({spec}): \"{key}\" is neither one character nor ctrl-<a-z, @, [, \\, ], ^ or _>; example: --detach-keys ctrl-p,ctrl-q");
        }
        return [.. codes];
    }

    /// <summary>The bytes to send on, and whether the sequence was typed (what follows it is dropped).</summary>
    public (byte[] Forward, bool Detach) Filter(ReadOnlySpan<byte> input)
    {
        var forward = new List<byte>(input.Length + _sequence.Length);
        foreach (byte b in input)
        {
            if (b == _sequence[_matched])
            {
                if (++_matched == _sequence.Length) return ([.. forward], true);
                continue;
            }
            // Not the sequence after all: what was held goes on, and this byte may start it afresh.
            forward.AddRange(_sequence.AsSpan(0, _matched));
            _matched = 0;
            if (b == _sequence[0]) _matched = 1;
            else forward.Add(b);
        }
        return ([.. forward], false);
    }
}
