namespace CrossCheck.Checks;

public enum SupportLevel
{
    Supported,
    Partial,
    Absent,
}
