namespace RdInvest.Exporting;

/// <summary>
/// Formula-injection defence (OWASP "CSV injection"): a text cell that begins with = + - @, tab or CR is
/// written with a leading apostrophe, so Excel shows it as text. The importer drops that apostrophe again,
/// so exports still round-trip.
/// </summary>
public static class CellSafety
{
    public static bool IsDangerousStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r' or '\uff1d' or '\uff0b' or '\uff0d' or '\uff20';

    public static string? Neutralise(string? text) =>
        text is { Length: > 0 } t && IsDangerousStart(t[0]) ? "'" + t : text;
}
