namespace Berth.Engine.Containers;

/// <summary>
/// Docker-style names, adjective_surname ("focused_turing"), from a short list of adjectives and scientists
/// and engineers in the spirit of moby's pkg/namesgenerator. A taken name is retried with another pick; after
/// a few tries a digit is appended, as docker does. Pure apart from the random source.
/// </summary>
public static class NameGenerator
{
    private static readonly string[] Adjectives =
    [
        "admiring", "agitated", "amazing", "angry", "awesome", "blissful", "bold", "brave", "busy", "charming",
        "clever", "compassionate", "competent", "confident", "cool", "cranky", "dazzling", "determined", "eager",
        "ecstatic", "elastic", "elated", "elegant", "epic", "festive", "focused", "friendly", "funny", "gallant",
        "gifted", "goofy", "gracious", "happy", "hopeful", "infallible", "inspiring", "jolly", "keen", "kind",
        "laughing", "loving", "lucid", "magical", "modest", "musing", "mystifying", "nice", "nifty", "nostalgic",
        "objective", "optimistic", "peaceful", "pensive", "practical", "priceless", "quirky", "quizzical", "relaxed",
        "reverent", "romantic", "serene", "sharp", "silly", "sleepy", "stoic", "strange", "sweet", "tender",
        "thirsty", "trusting", "upbeat", "vibrant", "vigilant", "wizardly", "wonderful", "youthful", "zealous", "zen",
    ];

    private static readonly string[] Surnames =
    [
        "agnesi", "allen", "archimedes", "babbage", "banach", "bardeen", "bartik", "bhabha", "borg", "bose",
        "cerf", "chandrasekhar", "curie", "darwin", "dijkstra", "einstein", "euclid", "euler", "fermat", "feynman",
        "franklin", "galileo", "gauss", "goldberg", "goodall", "hamilton", "hawking", "hermann", "hodgkin", "hopper",
        "hypatia", "jackson", "jennings", "johnson", "kalam", "kepler", "khorana", "knuth", "lamarr", "lamport",
        "leakey", "liskov", "lovelace", "lumiere", "mayer", "mccarthy", "meitner", "mendel", "mirzakhani", "morse",
        "newton", "noether", "pascal", "pasteur", "perlman", "pike", "poincare", "ramanujan", "ritchie", "shannon",
        "shockley", "sinoussi", "stallman", "swartz", "tesla", "thompson", "torvalds", "turing", "varahamihira",
        "visvesvaraya", "wilbur", "wiles", "williams", "wing", "wozniak", "wright", "yalow", "yonath",
    ];

    public static string Generate(Func<string, bool> taken, Random? random = null)
    {
        random ??= Random.Shared;
        for (int attempt = 0; ; attempt++)
        {
            string name = $"{Adjectives[random.Next(Adjectives.Length)]}_{Surnames[random.Next(Surnames.Length)]}";
            if (attempt >= 3) name += random.Next(10);
            if (!taken(name)) return name;
        }
    }

    /// <summary>Docker's rule for --name: [a-zA-Z0-9][a-zA-Z0-9_.-]+.</summary>
    public static bool IsValid(string name) =>
        name.Length >= 2 && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');
}
