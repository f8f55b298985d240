namespace Supportal.Platform;

/// <summary>Moving an item of an admin-ordered list (services, routing rules) one place up or down.</summary>
public static class Ordering
{
    /// <summary>
    /// Swaps the item with its neighbour and renumbers the whole list from 1, so equal or sparse numbers can never
    /// make a move do nothing. False when the item is already at that end.
    /// </summary>
    public static bool Move<T>(List<T> items, int index, bool up, Action<T, int> setOrder)
    {
        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= items.Count)
            return false;
        (items[index], items[other]) = (items[other], items[index]);
        for (var i = 0; i < items.Count; i++)
            setOrder(items[i], i + 1);
        return true;
    }
}
