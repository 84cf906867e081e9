using System.Globalization;

namespace CrossCheck.Costs;

/// <summary>
/// The <c>--max-cost</c> gate: work starts only if the cost so far, the estimates held by work in flight and its own
/// estimate fit the budget; its estimate is held until it ends. Once something is refused the gate stays shut, so a
/// budget buys whole pieces of work rather than many half-done ones. Thread-safe.
/// </summary>
public sealed class BudgetGate(CostMeter meter, decimal? maxCost)
{
    private readonly Lock _gate = new();
    private decimal _inFlight;
    private volatile bool _spent;

    /// <summary>A gate that never refuses.</summary>
    public static BudgetGate Unlimited { get; } = new(new CostMeter(PriceTable.Default), null);

    public decimal? MaxCost => maxCost;

    /// <summary>True once a reservation was refused.</summary>
    public bool Spent => _spent;

    /// <summary>Holds <paramref name="estimate"/> or throws <see cref="BudgetExceededException"/> naming <paramref name="what"/>.</summary>
    public Reservation Reserve(decimal estimate, string what)
    {
        if (maxCost is not { } budget)
        {
            return default;
        }
        lock (_gate)
        {
            if (_spent || meter.WouldExceed(budget, _inFlight + estimate))
            {
                _spent = true;
                throw new BudgetExceededException($"--max-cost {budget.ToString(CultureInfo.InvariantCulture)} USD reached before {what}");
            }
            _inFlight += estimate;
        }
        return new Reservation(this, estimate);
    }

    private void Release(decimal amount)
    {
        lock (_gate)
        {
            _inFlight -= amount;
        }
    }

    /// <summary>An estimate held against the budget until disposed.</summary>
    public readonly struct Reservation(BudgetGate? gate, decimal amount) : IDisposable
    {
        public decimal Amount => amount;

        public void Dispose()
        {
            if (gate is not null && amount != 0m)
            {
                gate.Release(amount);
            }
        }
    }
}
