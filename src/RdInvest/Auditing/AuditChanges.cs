using System.Text.Json;

namespace RdInvest.Auditing;

/// <summary>
/// An audit entry's before and after values side by side, field by field (the values are JSON objects as
/// <see cref="AuditLog"/> writes them; anything else is one field named "value").
/// </summary>
public static class AuditChanges
{
    public static IReadOnlyList<AuditChange> Of(string? oldValues, string? newValues)
    {
        var before = Fields(oldValues);
        var after = Fields(newValues);
        var names = before.Keys.Concat(after.Keys.Where(k => !before.ContainsKey(k))).ToList();
        return names.Select(n => new AuditChange(n, before.GetValueOrDefault(n), after.GetValueOrDefault(n))).ToList();
    }

    private static Dictionary<string, string?> Fields(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return fields;
        }
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    fields[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText();
                }
                return fields;
            }
        }
        catch (JsonException)
        {
            // Stored text that is not JSON is shown as it is.
        }
        fields["value"] = json;
        return fields;
    }
}
