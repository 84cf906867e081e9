namespace CrossCheck.Costs;

/// <summary>Thrown instead of starting a model call that would take the run past --max-cost.</summary>
public sealed class BudgetExceededException(string message) : Exception(message);
