using System.Globalization;

namespace IntergovCommission.Domain.Decisions;

/// <summary>
/// A decision's number within its commission: the session number and the agenda item's position,
/// e.g. "5-3" (session 5, item 3). A corrected version keeps the number; the version is shown apart.
/// </summary>
public static class DecisionNumbering
{
    public static string For(int sessionNumber, int itemPosition) =>
        string.Create(CultureInfo.InvariantCulture, $"{sessionNumber}-{itemPosition}");
}
