namespace RdInvest.Web;

/// <summary>Marker of the page texts: Resources/SharedResource.resx (中文, the default) and SharedResource.en.resx.</summary>
public sealed class SharedResource;
