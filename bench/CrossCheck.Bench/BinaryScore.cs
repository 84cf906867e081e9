namespace CrossCheck.Bench;

/// <summary>Balanced accuracy of a binary judgement: the mean of the two classes' recall.</summary>
internal static class BinaryScore
{
    public static (double PositiveRecall, double NegativeRecall, double Balanced) Of(IReadOnlyList<bool> gold, IReadOnlyList<bool> predicted)
    {
        var tp = 0;
        var pos = 0;
        var tn = 0;
        var neg = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            if (gold[i])
            {
                pos++;
                tp += predicted[i] ? 1 : 0;
            }
            else
            {
                neg++;
                tn += predicted[i] ? 0 : 1;
            }
        }
        var rp = pos == 0 ? 0 : tp / (double)pos;
        var rn = neg == 0 ? 0 : tn / (double)neg;
        return (rp, rn, (rp + rn) / 2);
    }
}
