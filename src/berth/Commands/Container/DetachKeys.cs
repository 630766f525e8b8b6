namespace Berth.Cli.Commands.Container;

/// <summary>
/// docker's default detach keys, Ctrl-P Ctrl-Q, found in the input stream: a Ctrl-P is held back until the
/// next byte shows whether it starts the sequence; when it does not, both go on. Pure.
/// </summary>
internal sealed class DetachKeys
{
    private const byte CtrlP = 0x10, CtrlQ = 0x11;
    private bool _heldCtrlP;

    /// <summary>The bytes to send on, and whether the sequence was typed (what follows it is dropped).</summary>
    public (byte[] Forward, bool Detach) Filter(ReadOnlySpan<byte> input)
    {
        var forward = new List<byte>(input.Length + 1);
        foreach (byte b in input)
        {
            if (_heldCtrlP)
            {
                _heldCtrlP = false;
                if (b == CtrlQ) return ([.. forward], true);
                forward.Add(CtrlP);
            }
            if (b == CtrlP) _heldCtrlP = true;
            else forward.Add(b);
        }
        return ([.. forward], false);
    }
}
