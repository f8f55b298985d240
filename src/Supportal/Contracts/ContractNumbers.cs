using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Supportal.Data;

namespace Supportal.Contracts;

public static class ContractNumbers
{
    /// <summary>
    /// C-{year}-{NNNNN}: one more than the highest number of that form this year. Numbers typed by hand in
    /// another form are ignored, so one odd number cannot derail the sequence.
    /// </summary>
    public static async Task<string> ProposeAsync(AppDbContext db, int year)
    {
        var prefix = $"C-{year}-";
        var numbers = await db.Contracts.Where(c => c.Number.StartsWith(prefix)).Select(c => c.Number).ToListAsync();
        var highest = numbers
            .Select(n => n.Length == prefix.Length + 5 && int.TryParse(n.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .DefaultIfEmpty(0).Max();
        return $"{prefix}{highest + 1:D5}";
    }
}
