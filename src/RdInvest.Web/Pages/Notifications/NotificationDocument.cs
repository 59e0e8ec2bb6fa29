using System.Text;
using System.Text.RegularExpressions;

namespace RdInvest.Web.Pages.Notifications;

/// <summary>
/// The stored notification HTML shown inside the page: its body, and its style with every selector scoped to the
/// document's container so the report's print CSS does not restyle the platform's frame.
/// </summary>
public static partial class NotificationDocument
{
    public const string Container = ".rd-doc";

    public static (string Style, string Body) Split(string html)
    {
        var style = StyleRegex().Match(html) is { Success: true } s ? Scope(s.Groups[1].Value) : "";
        var body = BodyRegex().Match(html) is { Success: true } b ? b.Groups[1].Value : html;
        return (style, body);
    }

    private static string Scope(string css)
    {
        var sb = new StringBuilder();
        foreach (Match rule in RuleRegex().Matches(css))
        {
            var selectors = rule.Groups[1].Value.Trim();
            if (selectors.StartsWith('@'))
            {
                continue;
            }
            var scoped = string.Join(", ", selectors.Split(',').Select(x => x.Trim()).Select(x => x == "body" ? Container : $"{Container} {x}"));
            sb.Append(scoped).Append(" {").Append(rule.Groups[2].Value).Append("}\n");
        }
        return sb.ToString();
    }

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleRegex();

    [GeneratedRegex("<body>(.*)</body>", RegexOptions.Singleline)]
    private static partial Regex BodyRegex();

    [GeneratedRegex(@"([^{}]+)\{([^{}]*)\}", RegexOptions.Singleline)]
    private static partial Regex RuleRegex();
}
