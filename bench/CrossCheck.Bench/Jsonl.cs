using System.Text.Json;

namespace CrossCheck.Bench;

internal static class Jsonl
{
    public static List<JsonElement> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new BenchInputException($"{path}: file not found; give the path to the dataset's .jsonl file (see ../shared/datasets/README.md).");
        }
        var rows = new List<JsonElement>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            try
            {
                using var doc = JsonDocument.Parse(text);
                rows.Add(doc.RootElement.Clone());
            }
            catch (JsonException e)
            {
                throw new BenchInputException($"{path}:{line}: not a JSON line ({e.Message}); is this the right file?");
            }
        }
        return rows;
    }
}
