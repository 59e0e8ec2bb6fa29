using System.CommandLine;

namespace RdInvest.Cli.Commands;

public static class ServeCommand
{
    public static Command Build()
    {
        var cmd = new Command("serve", "启动网站 / start the web host");
        return cmd;
    }
}
