namespace RdInvest.Importing;

/// <summary>
/// One rule broken by one field, before it is placed: an import turns it into a finding at a file row, an API write
/// into a 422 finding. <see cref="Args"/> are the rule's message arguments after the column and the value.
/// </summary>
public sealed record FieldIssue(ImportRule Rule, string Column, string? Value, object?[] Args)
{
    public ImportFinding At(string file, int row) => Rule.At(file, row, Column, Value, Args);
}
