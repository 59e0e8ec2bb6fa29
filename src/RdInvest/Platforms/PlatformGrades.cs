namespace RdInvest.Platforms;

/// <summary>Performance evaluation grades, best first.</summary>
public static class PlatformGrades
{
    public static readonly IReadOnlyList<string> All = ["A", "B", "C", "D"];
}
