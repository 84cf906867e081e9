namespace CrossCheck.Bench;

/// <summary>
/// Class-balanced, L2-regularised logistic regression fitted by Newton's method: few features,
/// so a dense solve is enough. Each class weighs half of the loss, so a 0.5 cut targets balanced accuracy.
/// </summary>
internal static class Logistic
{
    public static double[] Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double l2 = 0.01, int iterations = 100)
    {
        var d = x[0].Length + 1;
        var w = new double[d];
        var positives = y.Count(v => v);
        var negatives = y.Count - positives;
        var wPos = y.Count / (2.0 * Math.Max(1, positives));
        var wNeg = y.Count / (2.0 * Math.Max(1, negatives));
        for (var it = 0; it < iterations; it++)
        {
            var grad = new double[d];
            var hess = new double[d, d];
            for (var i = 0; i < x.Count; i++)
            {
                var row = Row(x[i]);
                var p = Sigmoid(Dot(w, row));
                var cw = y[i] ? wPos : wNeg;
                var err = cw * (p - (y[i] ? 1 : 0));
                var s = cw * p * (1 - p);
                for (var a = 0; a < d; a++)
                {
                    grad[a] += err * row[a];
                    for (var b = 0; b < d; b++)
                    {
                        hess[a, b] += s * row[a] * row[b];
                    }
                }
            }
            for (var a = 1; a < d; a++)
            {
                grad[a] += l2 * x.Count * w[a];
                hess[a, a] += l2 * x.Count;
            }
            hess[0, 0] += 1e-9;
            var step = Solve(hess, grad);
            var change = 0.0;
            for (var a = 0; a < d; a++)
            {
                w[a] -= step[a];
                change = Math.Max(change, Math.Abs(step[a]));
            }
            if (change < 1e-9)
            {
                break;
            }
        }
        return w;
    }

    public static double Predict(double[] w, double[] features) => Sigmoid(Dot(w, Row(features)));

    private static double[] Row(double[] features) => [1.0, .. features];

    private static double Dot(double[] w, double[] row)
    {
        var z = 0.0;
        for (var i = 0; i < w.Length; i++)
        {
            z += w[i] * row[i];
        }
        return z;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = r;
                }
            }
            for (var c = 0; c < n; c++)
            {
                (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
            }
            (v[col], v[pivot]) = (v[pivot], v[col]);
            var diag = Math.Abs(m[col, col]) < 1e-12 ? 1e-12 : m[col, col];
            for (var r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }
                var f = m[r, col] / diag;
                for (var c = col; c < n; c++)
                {
                    m[r, c] -= f * m[col, c];
                }
                v[r] -= f * v[col];
            }
        }
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = v[i] / (Math.Abs(m[i, i]) < 1e-12 ? 1e-12 : m[i, i]);
        }
        return result;
    }
}
