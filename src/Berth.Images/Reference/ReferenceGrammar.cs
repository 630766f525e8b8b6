using System.Text.RegularExpressions;

namespace Berth.Images.Reference;

/// <summary>
/// The reference grammar of docker/distribution (reference/regexp.go), as regular expressions:
/// <code>
/// reference := name [ ":" tag ] [ "@" digest ]
/// name      := [domain '/'] path-component ['/' path-component]*
/// domain    := host [':' port]      host := domain-name | '[' IPv6 ']'
/// path-component := [a-z0-9]+ (separator [a-z0-9]+)*   separator := [_.] | __ | -+
/// tag       := [\w][\w.-]{0,127}
/// digest    := algorithm ":" hex{32,}
/// </code>
/// </summary>
internal static partial class ReferenceGrammar
{
    private const string Alnum = "[a-z0-9]+";
    private const string Separator = "(?:[._]|__|[-]+)";
    private const string PathComponent = Alnum + "(?:" + Separator + Alnum + ")*";
    private const string DomainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private const string Ipv6 = @"\[(?:[a-fA-F0-9:]+)\]";
    private const string Host = "(?:" + DomainComponent + @"(?:\." + DomainComponent + ")*|" + Ipv6 + ")";
    private const string Domain = Host + "(?::[0-9]+)?";
    private const string Tag = "[0-9A-Za-z_][0-9A-Za-z_.-]{0,127}";
    private const string DigestPattern = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private const string Name = "(?:" + Domain + "/)?" + PathComponent + "(?:/" + PathComponent + ")*";

    /// <summary>Groups: 1 name, 2 tag, 3 digest.</summary>
    [GeneratedRegex("^(" + Name + ")(?::(" + Tag + "))?(?:@(" + DigestPattern + "))?\\z", RegexOptions.CultureInvariant)]
    internal static partial Regex Reference();

    /// <summary>Groups: 1 domain (optional), 2 path.</summary>
    [GeneratedRegex("^(?:(" + Domain + ")/)?(" + PathComponent + "(?:/" + PathComponent + ")*)\\z", RegexOptions.CultureInvariant)]
    internal static partial Regex Anchored();

    [GeneratedRegex("^[a-f0-9]{64}\\z", RegexOptions.CultureInvariant)]
    internal static partial Regex Identifier();

    [GeneratedRegex("^" + Tag + "\\z", RegexOptions.CultureInvariant)]
    internal static partial Regex TagOnly();
}
