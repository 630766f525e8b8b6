namespace Berth.Engine.Tests;

/// <summary>docker's (go-units HumanDuration) words for "Up …" and "… ago".</summary>
public class AgoTests
{
    [Theory]
    [InlineData(0.5, "Less than a second ago")]
    [InlineData(1.2, "1 second ago")]
    [InlineData(5, "5 seconds ago")]
    [InlineData(90, "About a minute ago")]
    [InlineData(600, "10 minutes ago")]
    public void HumanDurations(double secondsAgo, string expected) =>
        Assert.Equal(expected, Berth.Cli.Output.Units.Ago(DateTimeOffset.UtcNow.AddSeconds(-secondsAgo)));
}
