using System.Globalization;

namespace RdInvest.Policy;

/// <summary>
/// A GB/T 4754-2017 industry code reduced to what the rules need: the section letter (门类) and the two-digit
/// division (大类). Accepts C16, C1610, 1610, 161 or 16; a letter that contradicts the division is rejected.
/// </summary>
public readonly record struct IndustryCode(char Section, int Division)
{
    // Division ranges of each section, GB/T 4754-2017.
    private static readonly (char Section, int From, int To)[] Sections =
    [
        ('A', 1, 5), ('B', 6, 12), ('C', 13, 43), ('D', 44, 46), ('E', 47, 50), ('F', 51, 52), ('G', 53, 60),
        ('H', 61, 62), ('I', 63, 65), ('J', 66, 69), ('K', 70, 70), ('L', 71, 72), ('M', 73, 75), ('N', 76, 79),
        ('O', 80, 82), ('P', 83, 83), ('Q', 84, 85), ('R', 86, 90), ('S', 91, 96), ('T', 97, 97),
    ];

    public static bool TryParse(string text, out IndustryCode code)
    {
        code = default;
        var t = text.Trim().ToUpperInvariant();
        char? letter = null;
        if (t.Length > 0 && char.IsAsciiLetter(t[0]))
        {
            letter = t[0];
            t = t[1..];
        }
        if (t.Length is < 2 or > 4 || !t.All(char.IsAsciiDigit))
        {
            return false;
        }
        var division = int.Parse(t.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        var section = SectionOf(division);
        if (section is null || letter is not null && letter != section)
        {
            return false;
        }
        code = new IndustryCode(section.Value, division);
        return true;
    }

    public static char? SectionOf(int division)
    {
        foreach (var (s, from, to) in Sections)
        {
            if (division >= from && division <= to)
            {
                return s;
            }
        }
        return null;
    }

    public bool IsManufacturing => Section == 'C';

    /// <summary>C16 style: the form used in the excluded-industries parameter.</summary>
    public override string ToString() => Section + Division.ToString("00", CultureInfo.InvariantCulture);
}
