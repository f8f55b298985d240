namespace Supportal.Contracts;

/// <summary>
/// What <c>_AdditionalFields</c> renders: a manufacturer's questions with what was entered and what was wrong,
/// both keyed by field id. Inputs are named <c>{Prefix}[fieldId]</c>, which binds to a dictionary.
/// </summary>
public sealed record AdditionalFieldsForm(
    IReadOnlyList<AdditionalField> Fields,
    IReadOnlyDictionary<int, string>? Values = null,
    IReadOnlyDictionary<int, string>? Errors = null,
    string Prefix = "Fields");
