using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrossCheck.Tests.Emulator;

/// <summary>Reads requests and writes replies in each provider's wire format.</summary>
internal static class WireCodec
{
    /// <summary>Maps a path to its wire format and provider name (the first path segment, unless it is a version).</summary>
    public static (WireFormat Format, string Provider)? Route(string path)
    {
        string[] segments = path.Trim('/').Split('/');
        string? prefix = segments.Length > 0 && !segments[0].StartsWith('v') && segments[0] != "api" ? segments[0] : null;
        if (path.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            return (WireFormat.OpenAIChat, prefix ?? "openai");
        }

        if (path.EndsWith("/responses", StringComparison.Ordinal))
        {
            return (WireFormat.OpenAIResponses, prefix ?? "openai");
        }

        if (path.EndsWith("/v1/messages", StringComparison.Ordinal))
        {
            return (WireFormat.AnthropicMessages, prefix ?? "anthropic");
        }

        if (path.EndsWith("/api/chat", StringComparison.Ordinal))
        {
            return (WireFormat.OllamaChat, prefix ?? "ollama");
        }

        return null;
    }

    public static EmulatedRequest Parse(WireFormat format, string provider, string method, string path, IReadOnlyDictionary<string, string> headers, string body)
    {
        var messages = new List<EmulatedMessage>();
        string? model = null;
        bool stream = false;
        try
        {
            var root = JsonNode.Parse(body) as JsonObject;
            if (root is not null)
            {
                model = root["model"]?.GetValue<string>();
                stream = root["stream"] is JsonValue s ? s.GetValue<bool>() : format == WireFormat.OllamaChat;
                switch (format)
                {
                    case WireFormat.OpenAIChat:
                    case WireFormat.OllamaChat:
                        AddMessages(root["messages"], messages);
                        break;
                    case WireFormat.AnthropicMessages:
                        if (root["system"] is { } system)
                        {
                            messages.Add(new EmulatedMessage("system", Flatten(system)));
                        }

                        AddMessages(root["messages"], messages);
                        break;
                    case WireFormat.OpenAIResponses:
                        if (root["instructions"] is { } instructions)
                        {
                            messages.Add(new EmulatedMessage("system", Flatten(instructions)));
                        }

                        if (root["input"] is JsonArray input)
                        {
                            AddMessages(input, messages);
                        }
                        else if (root["input"] is { } single)
                        {
                            messages.Add(new EmulatedMessage("user", Flatten(single)));
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A malformed request is still recorded; the script sees no model and no messages.
        }

        return new EmulatedRequest(format, provider, method, path, headers, body, model, messages, stream);
    }

    private static void AddMessages(JsonNode? array, List<EmulatedMessage> into)
    {
        if (array is not JsonArray items)
        {
            return;
        }

        foreach (var item in items.OfType<JsonObject>())
        {
            string role = item["role"]?.GetValue<string>() ?? item["type"]?.GetValue<string>() ?? "unknown";
            into.Add(new EmulatedMessage(role, Flatten(item["content"])));
        }
    }

    /// <summary>Content is a string or an array of parts carrying <c>text</c>.</summary>
    private static string Flatten(JsonNode? content) => content switch
    {
        null => "",
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => p["text"]?.GetValue<string>() ?? "")),
        _ => content.ToJsonString(),
    };

    public static string ContentType(WireFormat format, bool stream) =>
        format == WireFormat.OllamaChat && stream ? "application/x-ndjson" : "application/json";

    public static string Render(EmulatedRequest request, ScriptedReply reply, long createdUnix)
    {
        string model = reply.ModelVersion ?? (request.Model ?? "unknown") + "-2026-01-01";
        int inTok = reply.InputTokens, outTok = reply.OutputTokens;
        string created = createdUnix.ToString(CultureInfo.InvariantCulture);
        switch (request.Format)
        {
            case WireFormat.OpenAIChat:
                return new JsonObject
                {
                    ["id"] = "chatcmpl-emulated",
                    ["object"] = "chat.completion",
                    ["created"] = createdUnix,
                    ["model"] = model,
                    ["system_fingerprint"] = "fp_emulator",
                    ["choices"] = new JsonArray(new JsonObject
                    {
                        ["index"] = 0,
                        ["message"] = reply.Refusal
                            ? new JsonObject { ["role"] = "assistant", ["content"] = null, ["refusal"] = reply.Text }
                            : new JsonObject { ["role"] = "assistant", ["content"] = reply.Text, ["refusal"] = null },
                        ["logprobs"] = null,
                        ["finish_reason"] = "stop",
                    }),
                    ["usage"] = new JsonObject
                    {
                        ["prompt_tokens"] = inTok,
                        ["completion_tokens"] = outTok,
                        ["total_tokens"] = inTok + outTok,
                        ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 0 },
                        ["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0 },
                    },
                }.ToJsonString();
            case WireFormat.OpenAIResponses:
                return new JsonObject
                {
                    ["id"] = "resp_emulated",
                    ["object"] = "response",
                    ["created_at"] = createdUnix,
                    ["status"] = "completed",
                    ["error"] = null,
                    ["incomplete_details"] = null,
                    ["instructions"] = null,
                    ["max_output_tokens"] = null,
                    ["model"] = model,
                    ["output"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "message",
                        ["id"] = "msg_emulated",
                        ["status"] = "completed",
                        ["role"] = "assistant",
                        ["content"] = new JsonArray(new JsonObject
                        {
                            ["type"] = "output_text",
                            ["text"] = reply.Text,
                            ["annotations"] = new JsonArray(),
                        }),
                    }),
                    ["parallel_tool_calls"] = true,
                    ["previous_response_id"] = null,
                    ["reasoning"] = new JsonObject { ["effort"] = null, ["summary"] = null },
                    ["store"] = false,
                    ["temperature"] = 1.0,
                    ["text"] = new JsonObject { ["format"] = new JsonObject { ["type"] = "text" } },
                    ["tool_choice"] = "auto",
                    ["tools"] = new JsonArray(),
                    ["top_p"] = 1.0,
                    ["truncation"] = "disabled",
                    ["usage"] = new JsonObject
                    {
                        ["input_tokens"] = inTok,
                        ["input_tokens_details"] = new JsonObject { ["cached_tokens"] = 0 },
                        ["output_tokens"] = outTok,
                        ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0 },
                        ["total_tokens"] = inTok + outTok,
                    },
                    ["metadata"] = new JsonObject(),
                }.ToJsonString();
            case WireFormat.AnthropicMessages:
                return new JsonObject
                {
                    ["id"] = "msg_emulated",
                    ["type"] = "message",
                    ["role"] = "assistant",
                    ["model"] = model,
                    ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = reply.Text }),
                    ["stop_reason"] = reply.Refusal ? "refusal" : "end_turn",
                    ["stop_sequence"] = null,
                    ["usage"] = new JsonObject
                    {
                        ["input_tokens"] = inTok,
                        ["output_tokens"] = outTok,
                        ["cache_creation_input_tokens"] = 0,
                        ["cache_read_input_tokens"] = 0,
                        ["service_tier"] = "standard",
                    },
                }.ToJsonString();
            case WireFormat.OllamaChat:
                var final = OllamaLine(model, created, request.Stream ? "" : reply.Text, done: true);
                final["done_reason"] = "stop";
                final["total_duration"] = 1_000_000;
                final["load_duration"] = 1_000;
                final["prompt_eval_count"] = inTok;
                final["prompt_eval_duration"] = 1_000;
                final["eval_count"] = outTok;
                final["eval_duration"] = 1_000;
                if (!request.Stream)
                {
                    return final.ToJsonString();
                }

                // Streaming NDJSON: the text in two chunks, then the closing line with the counts.
                int half = reply.Text.Length / 2;
                return string.Join("\n",
                    OllamaLine(model, created, reply.Text[..half], done: false).ToJsonString(),
                    OllamaLine(model, created, reply.Text[half..], done: false).ToJsonString(),
                    final.ToJsonString()) + "\n";
            default:
                throw new InvalidOperationException($"Unknown wire format {request.Format}");
        }
    }

    private static JsonObject OllamaLine(string model, string created, string text, bool done) => new()
    {
        ["model"] = model,
        ["created_at"] = DateTimeOffset.FromUnixTimeSeconds(long.Parse(created, CultureInfo.InvariantCulture)).ToString("O", CultureInfo.InvariantCulture),
        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
        ["done"] = done,
    };
}
