using System.Security.Cryptography;
using Berth.Engine.Containers;

namespace Berth.Engine.Volumes;

/// <summary>Volume names as docker's local driver takes them: [a-zA-Z0-9][a-zA-Z0-9_.-]+; anonymous ones are 64 random hex digits.</summary>
public static class VolumeName
{
    public static void Check(string name)
    {
        if (!NameGenerator.IsValid(name))
        {
            throw new InvalidOptionException($"create {name}: \"{name}\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path");
        }
    }

    public static string NewAnonymous() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
