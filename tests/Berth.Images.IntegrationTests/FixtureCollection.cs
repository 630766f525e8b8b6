namespace Berth.Images.IntegrationTests;

/// <summary>Every integration test class shares one build of the busybox fixture images.</summary>
[CollectionDefinition(Name)]
public sealed class FixtureCollection : ICollectionFixture<BusyboxImage>
{
    public const string Name = "busybox fixture";
}
