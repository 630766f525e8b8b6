namespace Berth.Images.Distribution;

/// <summary>A user name and password (or identity token) for one registry.</summary>
public sealed record RegistryCredential(string Username, string Password)
{
    /// <summary>The value of an HTTP Basic Authorization header: base64("user:password").</summary>
    public string BasicValue => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Username}:{Password}"));

    public override string ToString() => $"{Username}:***";
}
