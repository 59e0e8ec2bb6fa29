using System.CommandLine;

namespace RdInvest.Cli.Commands;

public static class PlanCommands
{
    public static Command Build() => new("plan");
}
