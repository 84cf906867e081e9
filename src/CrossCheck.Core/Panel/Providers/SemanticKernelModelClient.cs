using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using CrossCheck.Models;

namespace CrossCheck.Panel.Providers;

/// <summary>
/// An <see cref="IModelClient"/> over any Semantic Kernel <see cref="IChatCompletionService"/>. The system
/// prompt and the untrusted user content go into a <see cref="ChatHistory"/> as plain message content:
/// no prompt template ever sees the essay or source text, so markup in it stays inert.
/// </summary>
internal sealed class SemanticKernelModelClient(
    PanelistSpec panelist,
    IChatCompletionService service,
    Func<ModelRequest, PromptExecutionSettings> settingsFor,
    TimeProvider timeProvider) : IModelClient
{
    public PanelistSpec Panelist { get; } = panelist;

    public async Task<ModelAnswer> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var history = new ChatHistory();
        history.AddSystemMessage(request.SystemPrompt);
        history.AddUserMessage(request.UserContent);

        var settings = settingsFor(request);
        long started = timeProvider.GetTimestamp();
        IReadOnlyList<ChatMessageContent> results;
        try
        {
            results = await service.GetChatMessageContentsAsync(history, settings, kernel: null, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw ModelCallException.Wrap(Panelist, e);
        }

        var latency = timeProvider.GetElapsedTime(started);

        var message = results.Count > 0
            ? results[0]
            : throw new InvalidOperationException($"{Panelist.Id} returned no message.");
        string text = message.Content
            ?? string.Concat(message.Items.OfType<Microsoft.SemanticKernel.TextContent>().Select(t => t.Text));
        var (input, output) = ReadUsage(message);
        return new ModelAnswer(text, input, output, ReadModelVersion(message), latency);
    }

    /// <summary>Usage lives in different places per connector (see STACK.md).</summary>
    internal static (int Input, int Output) ReadUsage(ChatMessageContent message)
    {
        object? usage = message.Metadata is { } metadata && metadata.TryGetValue("Usage", out var u) ? u : null;
        switch (usage)
        {
            case OpenAI.Chat.ChatTokenUsage chat:
                return (chat.InputTokenCount, chat.OutputTokenCount);
            case UsageDetails details:
                return ((int)(details.InputTokenCount ?? 0), (int)(details.OutputTokenCount ?? 0));
        }

        if (message.InnerContent is ChatResponse { Usage: { } responseUsage })
        {
            return ((int)(responseUsage.InputTokenCount ?? 0), (int)(responseUsage.OutputTokenCount ?? 0));
        }

        return (0, 0);
    }

    /// <summary>The model name the server reported (often a dated version), when it reported one.</summary>
    internal static string? ReadModelVersion(ChatMessageContent message) => message.InnerContent switch
    {
        OpenAI.Chat.ChatCompletion completion => completion.Model,
        ChatResponse response => response.ModelId,
        ChatResponseUpdate update => update.ModelId,
        _ => message.ModelId,
    };
}
