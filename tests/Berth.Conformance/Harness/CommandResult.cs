namespace Berth.Conformance.Harness;

public sealed record CommandResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";

    public CommandResult AssertSuccess(string what)
    {
        Assert.True(ExitCode == 0, $"{what} failed: {this}");
        return this;
    }
}
