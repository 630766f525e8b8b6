namespace Berth.Images.IntegrationTests;

/// <summary>A theory with the needs of <see cref="RegistryFactAttribute"/>: skipped with the same visible reason.</summary>
public sealed class RegistryTheoryAttribute : TheoryAttribute
{
    public RegistryTheoryAttribute()
    {
        Skip = RegistryFactAttribute.SkipReason();
    }
}
