namespace RdInvest.Platforms;

/// <summary>
/// A recognised innovation platform (创新平台) of clause 二(四)11 — a key laboratory, technology innovation centre,
/// engineering research centre, enterprise technology centre and the like — hosted by a reporting unit.
/// </summary>
public sealed class Platform
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    /// <summary>One of <see cref="PlatformTypes.All"/>.</summary>
    public required string Type { get; set; }
    /// <summary>One of <see cref="PlatformLevels.All"/>.</summary>
    public required string Level { get; set; }
    public long HostUnitId { get; set; }
    public DateOnly RecognisedOn { get; set; }
    /// <summary>The last day of the recognition; null while it has no end.</summary>
    public DateOnly? ValidUntil { get; set; }
    public bool IsSynthetic { get; set; }
    public int Revision { get; set; } = 1;
    public DateTime UpdatedAt { get; set; }
}
