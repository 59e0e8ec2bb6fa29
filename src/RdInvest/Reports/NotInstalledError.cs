using RdInvest.Common;

namespace RdInvest.Reports;

/// <summary>
/// A tool the reports need is missing or broken on this machine (node and the chart script with its node_modules,
/// Chromium). Not the user's fault: the web host answers 503, the CLI exits 1 with the setup hint.
/// </summary>
public sealed class NotInstalledError(string messageZh, string messageEn) : UserError(messageZh, messageEn);
