using System.CommandLine;

namespace RdInvest.Cli.Commands;

public static class DbCommands
{
    public static Command Build() => new("db");
}
