namespace RdInvest.Accounts;

/// <summary>A write request that names the division it writes into; the host's scope layer checks it.</summary>
public interface IScopedRequest
{
    string ScopeDivision { get; }
}
