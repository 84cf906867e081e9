namespace CrossCheck.Tests.Emulator;

/// <summary>A chat message as sent on the wire, with its content flattened to text.</summary>
public sealed record EmulatedMessage(string Role, string Content);
