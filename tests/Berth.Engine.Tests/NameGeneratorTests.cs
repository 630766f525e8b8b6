using Berth.Engine.Containers;

namespace Berth.Engine.Tests;

public class NameGeneratorTests
{
    [Fact]
    public void AdjectiveUnderscoreSurname()
    {
        string name = NameGenerator.Generate(_ => false, new Random(1));
        Assert.Matches("^[a-z]+_[a-z]+$", name);
        Assert.True(NameGenerator.IsValid(name));
    }

    [Fact]
    public void SkipsTakenNamesAndEventuallyAddsADigit()
    {
        int calls = 0;
        string name = NameGenerator.Generate(_ => ++calls <= 4, new Random(2));
        Assert.Equal(5, calls);
        Assert.Matches("^[a-z]+_[a-z]+[0-9]$", name);
    }

    [Theory]
    [InlineData("web", true)]
    [InlineData("berth-test-1.a_b", true)]
    [InlineData("x", false)]
    [InlineData("-x", false)]
    [InlineData("a/b", false)]
    [InlineData("a b", false)]
    public void DockersNameRule(string name, bool valid) => Assert.Equal(valid, NameGenerator.IsValid(name));
}
