namespace Berth.Storage.Layers;

/// <summary>What unpacking a layer did: entries applied, bytes of file data written and notes about what was
/// skipped or adapted (device nodes without privilege, unsupported xattrs, whiteouts of files of this layer).</summary>
public sealed class UnpackReport
{
    private readonly List<string> _notes = [];

    public int Entries { get; internal set; }

    public long FileBytes { get; internal set; }

    public IReadOnlyList<string> Notes => _notes;

    internal void Note(string note)
    {
        if (_notes.Count < 100 && !_notes.Contains(note))
        {
            _notes.Add(note);
        }
    }
}
