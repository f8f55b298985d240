using System.Globalization;
using Microsoft.Extensions.Localization;
using Supportal.Contracts;

namespace Supportal.Tickets;

/// <summary>
/// Checks the answers to a manufacturer's "Additional information" on the server and turns them into what the
/// ticket keeps. Answers to questions that are not the manufacturer's current ones are ignored.
/// </summary>
public static class FieldAnswers
{
    public const int MaxLength = 500;

    public static (Dictionary<int, string> Errors, List<TicketFieldValue> Values) Check(
        IReadOnlyList<AdditionalField> fields, IReadOnlyDictionary<int, string>? answers, IStringLocalizer l)
    {
        var errors = new Dictionary<int, string>();
        var values = new List<TicketFieldValue>();
        foreach (var field in fields)
        {
            var answer = answers?.GetValueOrDefault(field.Id)?.Trim() ?? "";
            if (answer.Length == 0)
            {
                if (field.Required)
                    errors[field.Id] = l["Fields.Required", field.Label];
                continue;
            }
            if (answer.Length > MaxLength)
            {
                errors[field.Id] = l["Fields.TooLong", field.Label, MaxLength];
                continue;
            }
            (string En, string Pl)? shown = field.Type switch
            {
                FieldType.Number => decimal.TryParse(answer.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    ? (number.ToString(CultureInfo.InvariantCulture), number.ToString(CultureInfo.GetCultureInfo("pl"))) : null,
                FieldType.Date => DateOnly.TryParseExact(answer, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null,
                FieldType.Choice => field.Options.FirstOrDefault(o => o.Value == answer) is { } option ? (option.LabelEn, option.LabelPl) : null,
                _ => (answer, answer),
            };
            if (shown is not { } value)
            {
                errors[field.Id] = field.Type switch
                {
                    FieldType.Number => l["Fields.NotANumber", field.Label],
                    FieldType.Date => l["Fields.NotADate", field.Label],
                    _ => l["Fields.NotAnOption", field.Label],
                };
                continue;
            }
            values.Add(new TicketFieldValue
            {
                FieldId = field.Id, LabelEn = field.LabelEn, LabelPl = field.LabelPl, ValueEn = value.En, ValuePl = value.Pl, Order = field.Order,
            });
        }
        return (errors, values);
    }
}
