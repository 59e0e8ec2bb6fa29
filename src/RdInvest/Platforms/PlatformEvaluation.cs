namespace RdInvest.Platforms;

/// <summary>A platform's performance evaluation (运行绩效评价) for one year: grade A–D and a score out of 100.</summary>
public sealed class PlatformEvaluation
{
    public long Id { get; set; }
    public required string PlatformId { get; set; }
    public int Year { get; set; }
    /// <summary>A, B, C or D (<see cref="PlatformGrades.All"/>).</summary>
    public required string Grade { get; set; }
    /// <summary>The score × 100 (0–10000), exact to 0.01 point.</summary>
    public long? ScoreCenti { get; set; }
    public bool IsSynthetic { get; set; }
    public int Revision { get; set; } = 1;
    public DateTime UpdatedAt { get; set; }
}
