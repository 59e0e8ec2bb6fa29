using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Data;

namespace RdInvest.Cli.Commands;

/// <summary><c>rdinvest user add NAME --role R --scope S [--password-stdin]</c>, <c>user list</c>, <c>user token NAME</c>.</summary>
public static class UserCommands
{
    public static Command Build()
    {
        var user = new Command("user", "用户、角色与 API 令牌 / users, roles and API tokens");

        var add = new Command("add", "新增用户 / add a user");
        var name = new Argument<string>("NAME") { Description = "用户名 / user name" };
        var role = new Option<string>("--role") { Required = true, Description = "角色 / role: " + string.Join(" | ", Roles.All) };
        var scope = new Option<string?>("--scope") { Description = "范围：盟市代码、旗县代码、园区编号或信用代码 / scope: league/city code, county code, park id or credit code" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "从标准输入读取密码（至少 10 位）/ read the password from standard input (10+ characters)" };
        var addJson = Cli.JsonOption();
        add.Arguments.Add(name);
        add.Options.Add(role);
        add.Options.Add(scope);
        add.Options.Add(passwordStdin);
        add.Options.Add(addJson);
        add.SetAction(async (r, ct) =>
        {
            var password = r.GetValue(passwordStdin) ? (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') : null;
            await using var sp = await ServicesAsync(r, ct);
            await using var scopeSp = sp.CreateAsyncScope();
            var s = scopeSp.ServiceProvider;
            var item = await new AddUserHandler(s.GetRequiredService<UserManager<AppUser>>(), s.GetRequiredService<RdInvestDb>(), TimeProvider.System)
                .HandleAsync(new AddUserRequest(r.GetValue(name)!, r.GetValue(role)!, r.GetValue(scope), password), Actor.Cli(), ct);
            if (r.GetValue(addJson))
            {
                Cli.WriteJson(item);
                return 0;
            }
            Console.WriteLine($"已新增用户 / user added: {item.Name}  {Roles.Zh(item.Role)} {item.Role}  {item.Scope ?? "-"}{(item.HasPassword ? "" : "（无密码，仅可用 API 令牌 / no password: API tokens only）")}");
            return 0;
        });

        var list = new Command("list", "用户列表 / list users");
        var listJson = Cli.JsonOption();
        list.Options.Add(listJson);
        list.SetAction(async (r, ct) =>
        {
            await using var db = Cli.Target(r).CreateContext();
            await Schema.RequireAsync(db, ct);
            var users = await new ListUsersHandler(db, TimeProvider.System).HandleAsync(ct);
            if (r.GetValue(listJson))
            {
                Cli.WriteJson(users);
                return 0;
            }
            foreach (var u in users)
            {
                Console.WriteLine($"{u.Name}\t{u.Role}\t{u.Scope ?? "-"}\t令牌 tokens {u.Tokens}{(u.LockedOut ? "\t已锁定 locked" : "")}");
            }
            return 0;
        });

        var token = new Command("token", "签发个人 API 令牌（只显示一次）/ issue a personal API token (shown once)");
        var tokenUser = new Argument<string>("NAME") { Description = "用户名 / user name" };
        var tokenName = new Option<string?>("--name") { Description = "令牌名称 / token label" };
        var tokenJson = Cli.JsonOption();
        token.Arguments.Add(tokenUser);
        token.Options.Add(tokenName);
        token.Options.Add(tokenJson);
        token.SetAction(async (r, ct) =>
        {
            await using var db = Cli.Target(r).CreateContext();
            await Schema.RequireAsync(db, ct);
            var issued = await new IssueTokenHandler(db, TimeProvider.System).HandleAsync(r.GetValue(tokenUser)!, r.GetValue(tokenName), Actor.Cli(), ct);
            if (r.GetValue(tokenJson))
            {
                Cli.WriteJson(new { user = r.GetValue(tokenUser), name = issued.Name, token = issued.Token });
                return 0;
            }
            Console.Error.WriteLine("请妥善保存，令牌不会再次显示 / keep it safe; it is not shown again:");
            Console.WriteLine(issued.Token);
            return 0;
        });

        user.Subcommands.Add(add);
        user.Subcommands.Add(list);
        user.Subcommands.Add(token);
        return user;
    }

    private static async Task<ServiceProvider> ServicesAsync(ParseResult r, CancellationToken ct)
    {
        var target = Cli.Target(r);
        await using (var db = target.CreateContext())
        {
            await Schema.RequireAsync(db, ct);
        }
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped(_ => target.CreateContext());
        services.AddRdInvestIdentityCore();
        return services.BuildServiceProvider();
    }
}
