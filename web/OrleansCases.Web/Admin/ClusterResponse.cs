using OrleansCases.Abstractions;

namespace OrleansCases.Web.Admin;

/// <summary>GET /api/admin/cluster: the silos (dead ones too, until membership forgets them) and the web instances.</summary>
public sealed record ClusterResponse(IReadOnlyList<SiloResponse> Silos, int Activations, IReadOnlyList<WebInstanceReport> WebInstances);

/// <summary>One silo as membership records it; <see cref="Activations"/> only for active silos.</summary>
public sealed record SiloResponse(string Name, string Address, string Status, DateTime StartedAt, DateTime LastAliveAt, int? Activations);
