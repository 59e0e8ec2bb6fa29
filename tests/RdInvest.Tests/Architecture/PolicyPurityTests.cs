using System.Reflection;
using Xunit;

namespace RdInvest.Tests.Architecture;

/// <summary>
/// The rules of Policy/ are pure functions: no EF Core, no ASP.NET (STYLE.md "Pure where it matters").
/// Checked twice: every member signature of every Policy type, and the using/qualified names of the sources.
/// </summary>
public sealed class PolicyPurityTests
{
    private static readonly string[] Forbidden = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "RdInvest.Data.RdInvestDb"];

    [Fact]
    public void PolicyTypes_Signatures_DoNotReferenceEfCoreOrAspNet()
    {
        var types = TypesIn("RdInvest.Policy");
        Assert.NotEmpty(types);
        Assert.Empty(SignatureOffenders(types));
    }

    [Fact]
    public void PolicySources_DoNotMentionEfCoreOrAspNet()
    {
        var dir = RepoPaths.Of("src", "RdInvest", "Policy");
        Assert.True(Directory.Exists(dir), dir + " is missing");
        Assert.NotEmpty(Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories));
        Assert.Empty(SourceOffenders(dir));
    }

    [Fact]
    public void Detectors_FlagTheDataFeature()
    {
        // Both checks must be able to fail: the same detectors find EF Core in the Data feature, which uses it.
        Assert.NotEmpty(SignatureOffenders(TypesIn("RdInvest.Data")));
        Assert.NotEmpty(SourceOffenders(RepoPaths.Of("src", "RdInvest", "Data")));
    }

    private static List<Type> TypesIn(string ns) =>
        typeof(RdInvest.Plans.Plan).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith(ns, StringComparison.Ordinal) == true).ToList();

    private static List<string> SignatureOffenders(IEnumerable<Type> types)
    {
        var offenders = new List<string>();
        foreach (var t in types)
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var used = new List<Type?> { t.BaseType };
            used.AddRange(t.GetInterfaces());
            used.AddRange(t.GetFields(all).Select(f => f.FieldType));
            used.AddRange(t.GetProperties(all).Select(p => p.PropertyType));
            foreach (var m in t.GetMethods(all).Cast<MethodBase>().Concat(t.GetConstructors(all)))
            {
                used.AddRange(m.GetParameters().Select(p => p.ParameterType));
                if (m is MethodInfo mi)
                {
                    used.Add(mi.ReturnType);
                }
                used.AddRange(m.GetMethodBody()?.LocalVariables.Select(l => l.LocalType) ?? []);
            }
            offenders.AddRange(used.Where(u => u is not null).SelectMany(Expand)
                .Where(u => Forbidden.Any(f => u.FullName?.StartsWith(f, StringComparison.Ordinal) == true
                    || u.Assembly.GetName().Name?.StartsWith(f, StringComparison.Ordinal) == true))
                .Select(u => $"{t.FullName} → {u.FullName}"));
        }
        return offenders;
    }

    private static List<string> SourceOffenders(string dir) =>
        Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => Forbidden.Any(w => x.line.Contains(w, StringComparison.Ordinal)) || x.line.Contains("DbContext", StringComparison.Ordinal))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

    private static IEnumerable<Type> Expand(Type? t)
    {
        if (t is null)
        {
            yield break;
        }
        yield return t;
        if (t.HasElementType)
        {
            foreach (var e in Expand(t.GetElementType()))
            {
                yield return e;
            }
        }
        if (t.IsGenericType)
        {
            foreach (var a in t.GetGenericArguments().SelectMany(Expand))
            {
                yield return a;
            }
        }
    }
}
