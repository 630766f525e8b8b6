using Berth.Engine.Logs;

namespace Berth.Engine.Tests;

public class LogTimeTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 6, 12, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset P(string v) => LogTime.Parse(v, Now, TimeSpan.FromHours(2), "--since");

    [Fact]
    public void Rfc3339DatesAndLocalTimes()
    {
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 10, 30, 0, TimeSpan.Zero), P("2024-05-06T10:30:00Z"));
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 10, 30, 0, TimeSpan.Zero).AddTicks(1234567), P("2024-05-06T10:30:00.123456789Z"));
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 8, 30, 0, TimeSpan.Zero), P("2024-05-06T10:30:00+02:00"));
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 10, 30, 0, TimeSpan.FromHours(2)), P("2024-05-06T10:30"));
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 0, 0, 0, TimeSpan.FromHours(2)), P("2024-05-06"));
    }

    [Fact]
    public void UnixTimestampsAndDurations()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), P("1700000000"));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000).AddMilliseconds(250), P("1700000000.25"));
        Assert.Equal(Now.AddMinutes(-10), P("10m"));
        Assert.Equal(Now.AddMinutes(-90), P("1h30m"));
        Assert.Equal(Now.AddSeconds(-1.5), P("1.5s"));
    }

    [Fact]
    public void BadValuesNameTheFlag()
    {
        foreach (string bad in new[] { "", "yesterday", "10x", "2024-13-45", "1.2.3" })
        {
            Assert.Contains("--since", Assert.Throws<InvalidOptionException>(() => P(bad)).Message);
        }
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567), LogTime.ParseEntry("2024-01-02T03:04:05.123456789Z"));
        Assert.Null(LogTime.ParseEntry("garbage"));
    }
}
