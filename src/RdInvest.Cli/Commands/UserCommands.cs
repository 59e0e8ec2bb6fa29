using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Data;

namespace RdInvest.Cli.Commands;

/// <summary>
/// <c>rdinvest user add NAME --role R --scope S [--password-stdin]</c>, <c>user list</c>, <c>user token NAME</c>,
/// <c>user tokens NAME</c>, <c>user revoke NAME TOKEN_ID</c>, <c>user disable NAME --reason R</c>, <c>user enable NAME</c>, <c>user role NAME --role R [--scope S]</c>.
/// </summary>
public static class UserCommands
{
    public static Command Build()
    {
        var user = new Command("user", "用户、角色与 API 令牌 / users, roles and API tokens");

        var add = new Command("add", "新增用户 / add a user");
        var name = new Argument<string>("NAME") { Description = "用户名 / user name" };
        var role = new Option<string>("--role") { Required = true, Description = "角色 / role: " + string.Join(" | ", Roles.All) };
        var scope = new Option<string?>("--scope") { Description = "范围：盟市代码、旗县代码、园区编号或信用代码 / scope: league/city code, county code, park id or credit code" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "从标准输入读取密码（至少 12 位，含 3 类字符；见 password_min_length 等设置）/ read the password from standard input (12+ characters of 3 classes by default; see the password_min_length settings)" };
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
                var state = u.Disabled ? "\t已停用 disabled" : u.LockedOut ? "\t已锁定 locked" : "";
                Console.WriteLine($"{u.Name}\t{u.Role}\t{u.Scope ?? "-"}\t令牌 tokens {u.Tokens}{state}");
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
                Cli.WriteJson(new { user = r.GetValue(tokenUser), name = issued.Name, token = issued.Token, id = issued.Id });
                return 0;
            }
            Console.Error.WriteLine("请妥善保存，令牌不会再次显示 / keep it safe; it is not shown again:");
            Console.WriteLine(issued.Token);
            return 0;
        });

        user.Subcommands.Add(add);
        user.Subcommands.Add(list);
        user.Subcommands.Add(token);
        user.Subcommands.Add(Tokens());
        user.Subcommands.Add(Revoke());
        user.Subcommands.Add(Status(disable: true));
        user.Subcommands.Add(Status(disable: false));
        user.Subcommands.Add(Role());
        return user;
    }

    private static Command Tokens()
    {
        var cmd = new Command("tokens", "列出用户的 API 令牌 / list a user's API tokens");
        var name = new Argument<string>("NAME") { Description = "用户名 / user name" };
        var json = Cli.JsonOption();
        cmd.Arguments.Add(name);
        cmd.Options.Add(json);
        cmd.SetAction(async (r, ct) =>
        {
            await using var db = Cli.Target(r).CreateContext();
            await Schema.RequireAsync(db, ct);
            var tokens = await new TokensHandler(db, TimeProvider.System).ListAsync(r.GetValue(name)!, ct);
            if (r.GetValue(json))
            {
                Cli.WriteJson(tokens);
                return 0;
            }
            foreach (var t in tokens)
            {
                var state = t.RevokedAt is { } at ? $"已吊销 revoked {at:yyyy-MM-dd HH:mm} UTC" : "有效 active";
                Console.WriteLine($"{t.Id}\t{t.Name}\t{t.CreatedAt:yyyy-MM-dd HH:mm} UTC\t{state}");
            }
            return 0;
        });
        return cmd;
    }

    private static Command Revoke()
    {
        var cmd = new Command("revoke", "吊销 API 令牌（立即失效）/ revoke an API token (stops at once)");
        var name = new Argument<string>("NAME") { Description = "用户名 / user name" };
        var id = new Argument<long>("TOKEN_ID") { Description = "令牌编号（user tokens 列出）/ token id (see user tokens)" };
        cmd.Arguments.Add(name);
        cmd.Arguments.Add(id);
        cmd.SetAction(async (r, ct) =>
        {
            await using var db = Cli.Target(r).CreateContext();
            await Schema.RequireAsync(db, ct);
            var t = await new TokensHandler(db, TimeProvider.System).RevokeAsync(r.GetValue(name)!, r.GetValue(id), Actor.Cli(), ct);
            Console.WriteLine($"已吊销 / revoked: {t.Id} {t.Name} {t.RevokedAt:yyyy-MM-dd HH:mm:ss} UTC");
            return 0;
        });
        return cmd;
    }

    private static Command Status(bool disable)
    {
        var cmd = disable
            ? new Command("disable", "停用账户（不能登录，令牌失效）/ disable an account (no sign-in, tokens stop)")
            : new Command("enable", "重新启用账户 / enable an account again");
        var name = new Argument<string>("NAME") { Description = "用户名 / user name" };
        var reason = new Option<string?>("--reason") { Description = "原因（停用时必填，记入审计日志）/ reason (required to disable; audited)" };
        cmd.Arguments.Add(name);
        cmd.Options.Add(reason);
        cmd.SetAction(async (r, ct) =>
        {
            await using var sp = await ServicesAsync(r, ct);
            await using var scopeSp = sp.CreateAsyncScope();
            var s = scopeSp.ServiceProvider;
            var u = await new UserStatusHandler(s.GetRequiredService<UserManager<AppUser>>(), s.GetRequiredService<RdInvestDb>(), TimeProvider.System)
                .SetDisabledAsync(r.GetValue(name)!, disable, r.GetValue(reason), Actor.Cli(), ct);
            Console.WriteLine(u.Disabled ? $"已停用 / disabled: {u.Name}" : $"已启用 / enabled: {u.Name}");
            return 0;
        });
        return cmd;
    }

    private static Command Role()
    {
        var cmd = new Command("role", "更改账户的角色与范围（审计留痕）/ change an account's role and scope (audited)");
        var name = new Argument<string>("NAME") { Description = "用户名 / user name" };
        var role = new Option<string>("--role") { Required = true, Description = "角色 / role: " + string.Join(" | ", Roles.All) };
        var scope = new Option<string?>("--scope") { Description = "范围（角色需要时）/ scope (when the role takes one)" };
        cmd.Arguments.Add(name);
        cmd.Options.Add(role);
        cmd.Options.Add(scope);
        cmd.SetAction(async (r, ct) =>
        {
            await using var sp = await ServicesAsync(r, ct);
            await using var scopeSp = sp.CreateAsyncScope();
            var s = scopeSp.ServiceProvider;
            var u = await new ChangeRoleHandler(s.GetRequiredService<UserManager<AppUser>>(), s.GetRequiredService<RdInvestDb>(), TimeProvider.System)
                .HandleAsync(r.GetValue(name)!, new ChangeRoleRequest(r.GetValue(role), r.GetValue(scope)), Actor.Cli(), ct);
            Console.WriteLine($"已更改角色 / role changed: {u.Name}  {Roles.Zh(u.Role)} {u.Role}  {u.Scope ?? "-"}");
            return 0;
        });
        return cmd;
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
