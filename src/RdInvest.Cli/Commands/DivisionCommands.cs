using System.CommandLine;

namespace RdInvest.Cli.Commands;

public static class DivisionCommands
{
    public static Command Build() => new("division");
}
