using System.Text.Json.Serialization;

namespace CrossCheck.Provenance;

/// <summary>
/// The data of one provenance record, typed: each record type of the log is one sealed subtype, whose constructor
/// names the record's <see cref="Type"/> and whose properties are the record's <c>data</c> fields (snake_case on disk,
/// nulls left out). docs/formats.md lists every subtype and field; Provenance/LogFormatDocTests fails when they differ.
/// The subtypes live beside the step that writes them (Running/RunLogEntries.cs, Panel/PanelLogEntries.cs,
/// Review/ReviewLogEntries.cs).
/// </summary>
/// <param name="Type">The record's <c>type</c>, e.g. <c>run_start</c>.</param>
public abstract record LogEntry([property: JsonIgnore] string Type);
