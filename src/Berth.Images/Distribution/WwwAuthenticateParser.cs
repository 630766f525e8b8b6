using System.Text;

namespace Berth.Images.Distribution;

/// <summary>
/// Parses WWW-Authenticate values (pure): <c>Bearer realm="https://auth/token",service="reg",scope="a:b:pull"</c>.
/// Several challenges may be given, comma-separated or in several headers; quoted strings may contain commas
/// and backslash escapes.
/// </summary>
public static class WwwAuthenticateParser
{
    public static List<AuthChallenge> Parse(IEnumerable<string> headerValues)
    {
        var result = new List<AuthChallenge>();
        foreach (string value in headerValues) ParseOne(value, result);
        return result;
    }

    private static void ParseOne(string value, List<AuthChallenge> result)
    {
        int i = 0;
        string? scheme = null;
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipSeparators(value, ref i);
            if (i >= value.Length) break;
            string token = ReadToken(value, ref i);
            SkipSpaces(value, ref i);
            if (i < value.Length && value[i] == '=' && scheme is not null)
            {
                i++;
                SkipSpaces(value, ref i);
                parameters[token] = i < value.Length && value[i] == '"' ? ReadQuoted(value, ref i) : ReadToken(value, ref i);
            }
            else if (token.Length > 0)
            {
                if (scheme is not null) result.Add(new AuthChallenge(scheme, parameters));
                scheme = token;
                parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            }
            else
            {
                i++;
            }
        }
        if (scheme is not null) result.Add(new AuthChallenge(scheme, parameters));
    }

    private static string ReadToken(string s, ref int i)
    {
        int start = i;
        while (i < s.Length && s[i] is not (' ' or '\t' or ',' or '=' or '"')) i++;
        return s[start..i];
    }

    private static string ReadQuoted(string s, ref int i)
    {
        var sb = new StringBuilder();
        i++;
        while (i < s.Length && s[i] != '"')
        {
            if (s[i] == '\\' && i + 1 < s.Length) i++;
            sb.Append(s[i++]);
        }
        i++;
        return sb.ToString();
    }

    private static void SkipSpaces(string s, ref int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t') i++;
    }

    private static void SkipSeparators(string s, ref int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t' or ',') i++;
    }
}
