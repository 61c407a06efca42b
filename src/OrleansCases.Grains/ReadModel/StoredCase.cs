using OrleansCases.Abstractions;

namespace OrleansCases.Grains.ReadModel;

/// <summary>A case as its region's partition holds it: its tip and its history rows, oldest first.</summary>
public sealed record StoredCase(CaseTip Tip, IReadOnlyList<(CaseHistoryEntry Entry, long Seq, string? CommandId)> History);
