namespace CrossCheck.Hosting;

/// <summary>A configuration file that cannot be read (malformed JSON): a user error, reported in one line with exit code 2.</summary>
public sealed class ConfigurationFileException(string message, Exception? inner = null) : Exception(message, inner);
