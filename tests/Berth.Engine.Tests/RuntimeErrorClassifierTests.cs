using Berth.Engine.Runtime;

namespace Berth.Engine.Tests;

public class RuntimeErrorClassifierTests
{
    [Theory]
    [InlineData("exec: \"nosuch\": executable file not found in $PATH", 127)]
    [InlineData("exec: \"/nonexistent\": no such file or executable in the container", 127)]
    [InlineData("exec: \"/nonexistent\": stat /nonexistent: no such file or directory", 127)]
    [InlineData("exec: \"/etc/passwd\": permission denied", 126)]
    [InlineData("cgroup: write memory.limit_in_bytes: device or resource busy", 125)]
    public void DockersExitCodes(string message, int code) => Assert.Equal(code, RuntimeErrorClassifier.ExitCode(message));

    [Fact]
    public void LastErrorOfJsonLog()
    {
        string log = "{\"level\":\"warning\",\"msg\":\"ignored\",\"time\":\"t\"}\n{\"level\":\"error\",\"msg\":\"exec: \\u0022x\\u0022: executable file not found in $PATH\",\"time\":\"t\"}\n";
        Assert.Equal("exec: \"x\": executable file not found in $PATH", RuntimeErrorClassifier.LastError(log));
    }

    [Fact]
    public void PlainTextLogGivesItsLastLine() => Assert.Equal("second", RuntimeErrorClassifier.LastError("first\nsecond\n"));
}
