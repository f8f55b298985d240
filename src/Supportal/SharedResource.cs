namespace Supportal;

/// <summary>Marker for the one set of UI strings (Resources/SharedResource.resx and its Polish twin).</summary>
public sealed class SharedResource;
