namespace CrossCheck.Runs;

/// <summary>How report.html links the sources: a copy in the run folder's <c>sources/</c> (default), a symbolic link there, or no link.</summary>
public enum SourceLinkMode
{
    Copy,
    Link,
    None,
}
