using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Panel;

namespace CrossCheck.Tests.Html;

/// <summary>
/// TEST FIXTURE — wraps <see cref="PanelScript"/> and writes hostile markup into the scripted
/// answers: the verify rationale, the attack's argument and the reconciler's suggested correction
/// carry <see cref="Payloads"/>. Nothing here is a model's output.
/// </summary>
public sealed class HostileScript(PanelScript inner)
{
    public const string ImgPayload = "<img src=x onerror=alert(1)>";
    public const string ScriptPayload = "</script><script>window.__pwned=1</script>";
    public const string Payloads = ImgPayload + " " + ScriptPayload;

    public ScriptedReply Answer(EmulatedRequest request)
    {
        var reply = inner.Answer(request);
        var stage = PanelScript.StageOf(request);
        if (stage is not ("Verify" or "Attack" or "Reconcile") || JsonNode.Parse(reply.Text) is not JsonObject answer)
        {
            return reply;
        }
        switch (stage)
        {
            case "Verify":
                answer["rationale"] = "Hostile rationale " + Payloads;
                break;
            case "Attack":
                answer["challenges"] = new JsonArray(new JsonObject { ["type"] = "overstatement" + ImgPayload, ["argument"] = "Hostile argument " + Payloads, ["citations"] = new JsonArray() });
                break;
            case "Reconcile":
                answer["rationale"] = "Hostile reconciliation " + Payloads;
                answer["suggested_correction"] = "Hostile correction " + Payloads;
                break;
        }
        // Relaxed escaping keeps the markup literal in the raw answer text too, the harder case for the report.
        return reply with { Text = answer.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) };
    }
}
